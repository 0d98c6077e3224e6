"""The endpoint template: resources, references, names, permissions, and a clean cfn-lint."""
import dataclasses
import json
import re

import pytest

import endpoint_stack
import stage_config
from stage_config import STAGES, DataCapture

PACKAGE = "arn:aws:sagemaker:us-east-1:111111111111:model-package/demo-p-abc123/3"
KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def build(config, **overrides):
    arguments = dict(model_package_arn=PACKAGE, config=config, project_name="demo", project_id="p-abc123",
                     stage="dev", artifact_bucket="mlops-demo-p-abc123-us-east-1", kms_key_arn=KEY)
    arguments.update(overrides)
    return endpoint_stack.build_template(**arguments)


def walk(value):
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        yield from walk(child)


def names(template):
    resources = template["Resources"]
    return {
        "model": resources["Model"]["Properties"]["ModelName"],
        "config": resources["EndpointConfig"]["Properties"]["EndpointConfigName"],
        "endpoint": resources["Endpoint"]["Properties"]["EndpointName"],
    }


def test_resources_and_their_links(dev_config):
    template = build(dev_config)
    assert template["AWSTemplateFormatVersion"] == "2010-09-09"
    resources = template["Resources"]
    assert {name: r["Type"] for name, r in resources.items()} == {
        "ModelExecutionRole": "AWS::IAM::Role",
        "Model": "AWS::SageMaker::Model",
        "EndpointConfig": "AWS::SageMaker::EndpointConfig",
        "Endpoint": "AWS::SageMaker::Endpoint",
    }
    model = resources["Model"]["Properties"]
    assert model["PrimaryContainer"] == {"ModelPackageName": PACKAGE}
    assert model["ExecutionRoleArn"] == {"Fn::GetAtt": ["ModelExecutionRole", "Arn"]}
    (variant,) = resources["EndpointConfig"]["Properties"]["ProductionVariants"]
    assert variant["ModelName"] == {"Fn::GetAtt": ["Model", "ModelName"]}
    assert resources["Endpoint"]["Properties"]["EndpointConfigName"] == {
        "Fn::GetAtt": ["EndpointConfig", "EndpointConfigName"]}
    for node in walk(template):
        if isinstance(node, dict) and "Fn::GetAtt" in node:
            assert node["Fn::GetAtt"][0] in resources
        if isinstance(node, dict) and "Ref" in node:
            assert node["Ref"] in resources or node["Ref"].startswith("AWS::")


def test_no_cdk_bootstrap_requirement(dev_config):
    template = build(dev_config)
    assert "Parameters" not in template and "Rules" not in template


@pytest.mark.parametrize("stage", STAGES)
def test_the_variant_follows_the_stage_config(config_dir, stage):
    config = stage_config.load(config_dir, stage)
    template = build(config, stage=stage)
    (variant,) = template["Resources"]["EndpointConfig"]["Properties"]["ProductionVariants"]
    assert variant["InstanceType"] == config.instance_type
    assert variant["InitialInstanceCount"] == config.initial_instance_count
    assert variant["VariantName"] == config.variant_name
    assert template["Metadata"] == {"ModelPackageArn": PACKAGE, "Stage": stage, "StageConfig": config.to_json()}


def test_every_resource_carries_the_project_tags(dev_config):
    template = build(dev_config, stage="preprod")
    for resource in template["Resources"].values():
        tags = {t["Key"]: t["Value"] for t in resource["Properties"]["Tags"]}
        assert tags == {"sagemaker:project-name": "demo", "sagemaker:project-id": "p-abc123",
                        "sagemaker:deployment-stage": "preprod"}


@pytest.mark.parametrize("stage", STAGES)
def test_names_fit_for_the_longest_project(dev_config, stage):
    template = build(dev_config, project_name="a" * 32, project_id="p-" + "x" * 14, stage=stage)
    for name in names(template).values():
        assert len(name) <= 63 and re.match(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", name), name


def test_same_inputs_same_template(dev_config):
    assert json.dumps(build(dev_config), sort_keys=True) == json.dumps(build(dev_config), sort_keys=True)


def test_a_new_package_renames_model_and_config_but_not_the_endpoint(dev_config):
    before, after = names(build(dev_config)), names(build(dev_config, model_package_arn=PACKAGE[:-1] + "4"))
    assert after["model"] != before["model"]
    assert after["config"] != before["config"]
    assert after["endpoint"] == before["endpoint"]


def test_a_new_instance_count_renames_only_the_config(dev_config):
    before = names(build(dev_config))
    after = names(build(dataclasses.replace(dev_config, initial_instance_count=3)))
    assert after["model"] == before["model"]
    assert after["config"] != before["config"]
    assert after["endpoint"] == before["endpoint"]


def test_stages_never_share_a_name(config_dir):
    seen = [name for stage in STAGES for name in names(build(stage_config.load(config_dir, stage), stage=stage)).values()]
    assert len(seen) == len(set(seen)) == 9


def statements(template):
    policy = template["Resources"]["ModelExecutionRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    return {s["Sid"]: s for s in policy["Statement"]}


def test_the_role_reads_only_the_artifact_bucket_and_its_key(dev_config):
    found = statements(build(dev_config))
    assert found["ReadModelArtifacts"]["Resource"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:s3:::mlops-demo-p-abc123-us-east-1/*"}]
    assert found["DecryptModelArtifacts"]["Resource"] == [KEY]
    assert "DecryptModelArtifacts" not in statements(build(dev_config, kms_key_arn=None))
    trust = build(dev_config)["Resources"]["ModelExecutionRole"]["Properties"]["AssumeRolePolicyDocument"]
    assert trust["Statement"][0]["Principal"] == {"Service": "sagemaker.amazonaws.com"}


def test_no_partition_is_hard_coded(dev_config):
    text = json.dumps(build(dev_config, kms_key_arn=None))
    assert text.count("arn:aws:") == text.count(PACKAGE) * 1, "only the input package ARN may name a partition"


def test_data_capture_only_when_enabled(dev_config):
    assert "DataCaptureConfig" not in build(dev_config)["Resources"]["EndpointConfig"]["Properties"]
    off = dataclasses.replace(dev_config, data_capture=DataCapture(enabled=False))
    assert "DataCaptureConfig" not in build(off)["Resources"]["EndpointConfig"]["Properties"]
    on = dataclasses.replace(dev_config, data_capture=DataCapture(True, 25, "s3://capture-bucket/demo/"))
    template = build(on)
    capture = template["Resources"]["EndpointConfig"]["Properties"]["DataCaptureConfig"]
    assert capture["EnableCapture"] is True and capture["InitialSamplingPercentage"] == 25
    assert capture["DestinationS3Uri"] == "s3://capture-bucket/demo/"
    assert statements(template)["WriteCapturedData"]["Resource"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:s3:::capture-bucket/demo/*"}]


def test_cfn_lint_is_clean_for_every_stage(need, config_dir):
    need("cfnlint")
    from cfnlint.api import lint

    capture = DataCapture(True, 10, "s3://capture-bucket/prefix")
    for stage in STAGES:
        config = stage_config.load(config_dir, stage)
        for variant in (config, dataclasses.replace(config, data_capture=capture)):
            template = build(variant, stage=stage, project_name="a" * 32, project_id="p-" + "x" * 14)
            matches = lint(json.dumps(template), regions=["us-east-1", "eu-west-1", "cn-north-1"])
            assert [str(m) for m in matches] == [], stage
