"""Stages in another region than the registry: the model from the package's containers, the model data copied into
the stage's staging bucket as its file-publishing role, SageMaker's image from that region's registry."""
import io
import json

import pytest

import app
import regional

PACKAGE = "arn:aws:sagemaker:us-west-2:222222222222:model-package/demo-p-abc123/3"
SOURCE = "s3://mlops-demo-artifacts/train/model.tar.gz"
ETAG = '"9b2cf535f27731c974343645a3985328"'
SIZE = 6291456
# sha256 of "<source>|<ETag>|<size>", first 32 hex digits: the key mlopsctl promote's RegionalModel.destinationKey gives too.
COPY_ID = "6cfc2974edd37f47abc050bafaee4c25"
ENV = {
    "MODEL_PACKAGE_GROUP_NAME": "demo-p-abc123", "PROJECT_NAME": "demo", "PROJECT_ID": "p-abc123",
    "ARTIFACT_BUCKET": "mlops-demo-artifacts", "AWS_REGION": "us-west-2", "MODEL_PACKAGE_ARN": PACKAGE,
    "CDK_QUALIFIER": "hnb659fds",
    "DEV_ACCOUNT_ID": "222222222222", "DEV_REGION": "us-west-2",
    "PREPROD_ACCOUNT_ID": "333333333333", "PREPROD_REGION": "eu-central-1",
    "PROD_ACCOUNT_ID": "444444444444", "PROD_REGION": "ap-southeast-2",
}


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


class Registry:
    def __init__(self, image):
        self.image, self.regions = image, []

    def __call__(self, region):
        self.regions.append(region)
        return self

    def describe_model_package(self, ModelPackageName):
        assert ModelPackageName == PACKAGE
        return {"ModelPackageArn": PACKAGE, "InferenceSpecification": {"Containers": [
            {"Image": self.image, "ModelDataUrl": SOURCE, "Environment": {"SAGEMAKER_PROGRAM": "inference.py"}}]}}


class SourceS3:
    def __init__(self):
        self.regions = []

    def __call__(self, region):
        self.regions.append(region)
        return self

    def head_object(self, Bucket, Key):
        assert (Bucket, Key) == ("mlops-demo-artifacts", "train/model.tar.gz")
        return {"ETag": ETAG, "ContentLength": SIZE}

    def get_object(self, Bucket, Key):
        return {"Body": io.BytesIO(b"model bytes")}


class TargetS3:
    """The stages' S3, per (role, region); `present` holds keys that exist already."""
    def __init__(self, present=()):
        self.present, self.roles, self.uploads = set(present), [], []

    def __call__(self, role_arn, target):
        self.roles.append((role_arn, target.region))
        return self

    def head_object(self, Bucket, Key):
        if (Bucket, Key) in self.present:
            return {"ContentLength": SIZE}
        raise ClientError("404")

    def upload_fileobj(self, body, bucket, key):
        self.uploads.append((bucket, key, body.read()))


def run(tmp_path, image="246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1", env=ENV, target=None):
    registry, source, target = Registry(image), SourceS3(), target or TargetS3()
    status = app.main(["--out-dir", str(tmp_path)], env=env, sagemaker_factory=registry, s3_factory=source, target_s3=target)
    return status, registry, source, target


def template(tmp_path, stage):
    with open(tmp_path / f"{stage}.template.json") as handle:
        return json.load(handle)


def test_the_copy_key_is_mlopsctls():
    assert regional.copy_key("demo", SOURCE, ETAG, SIZE) == f"mlopsctl/model-data/demo/{COPY_ID}/model.tar.gz"


def test_stages_in_other_regions_get_the_containers_with_their_copies_and_images(tmp_path):
    status, registry, source, target = run(tmp_path)
    assert status == 0
    assert registry.regions == ["us-west-2"] and source.regions == ["us-west-2"]
    # dev shares the registry's region: the model is the package itself.
    assert template(tmp_path, "dev")["Resources"]["Model"]["Properties"]["PrimaryContainer"] == {"ModelPackageName": PACKAGE}
    for stage, account, region, registry_account in [("preprod", "333333333333", "eu-central-1", "492215442770"),
                                                     ("prod", "444444444444", "ap-southeast-2", "783357654285")]:
        rendered = template(tmp_path, stage)
        copy = f"cdk-hnb659fds-assets-{account}-{region}/mlopsctl/model-data/demo/{COPY_ID}/model.tar.gz"
        assert rendered["Resources"]["Model"]["Properties"]["PrimaryContainer"] == {
            "Image": f"{registry_account}.dkr.ecr.{region}.amazonaws.com/sagemaker-xgboost:1.7-1",
            "ModelDataUrl": f"s3://{copy}", "Environment": {"SAGEMAKER_PROGRAM": "inference.py"}}
        policy = rendered["Resources"]["ModelExecutionRole"]["Properties"]["Policies"][0]["PolicyDocument"]
        read = next(s for s in policy["Statement"] if s["Sid"] == "ReadModelArtifacts")
        assert {"Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{copy}"} in read["Resource"]
        assert any(s["Sid"] == "DecryptModelDataCopies" for s in policy["Statement"])
        assert (f"arn:aws:iam::{account}:role/cdk-hnb659fds-file-publishing-role-{account}-{region}", region) in target.roles
    assert sorted(upload[0] for upload in target.uploads) == ["cdk-hnb659fds-assets-333333333333-eu-central-1",
                                                              "cdk-hnb659fds-assets-444444444444-ap-southeast-2"]


def test_a_copy_made_before_is_not_made_again(tmp_path):
    key = f"mlopsctl/model-data/demo/{COPY_ID}/model.tar.gz"
    present = {("cdk-hnb659fds-assets-333333333333-eu-central-1", key), ("cdk-hnb659fds-assets-444444444444-ap-southeast-2", key)}
    status, _, _, target = run(tmp_path, target=TargetS3(present))
    assert status == 0 and target.uploads == []


def test_one_region_needs_no_description_and_no_copy(tmp_path):
    env = dict(ENV, PREPROD_REGION="us-west-2", PROD_REGION="us-west-2")
    registry = Registry("unused")
    status = app.main(["--out-dir", str(tmp_path)], env=env, sagemaker_factory=registry,
                      s3_factory=lambda region: pytest.fail("no S3 call in one region"),
                      target_s3=lambda role, target: pytest.fail("no copy in one region"))
    assert status == 0 and registry.regions == []
    assert template(tmp_path, "prod")["Resources"]["Model"]["Properties"]["PrimaryContainer"] == {"ModelPackageName": PACKAGE}


def test_a_private_image_in_another_region_fails_naming_the_fix(tmp_path, capsys):
    status, _, _, target = run(tmp_path, image="222222222222.dkr.ecr.us-west-2.amazonaws.com/scoring:2.1")
    assert status == 1
    error = capsys.readouterr().err
    assert "image 222222222222.dkr.ecr.us-west-2.amazonaws.com/scoring:2.1 is in us-west-2" in error
    assert "PREPROD_IMAGE_URI" in error
    assert not (tmp_path / "preprod.template.json").exists()


def test_an_image_given_for_the_stage_is_used(tmp_path):
    replica = {"PREPROD_IMAGE_URI": "222222222222.dkr.ecr.eu-central-1.amazonaws.com/scoring:2.1",
               "PROD_IMAGE_URI": "222222222222.dkr.ecr.ap-southeast-2.amazonaws.com/scoring:2.1"}
    status, _, _, _ = run(tmp_path, image="222222222222.dkr.ecr.us-west-2.amazonaws.com/scoring:2.1", env=dict(ENV, **replica))
    assert status == 0
    assert template(tmp_path, "prod")["Resources"]["Model"]["Properties"]["PrimaryContainer"]["Image"] == replica["PROD_IMAGE_URI"]


@pytest.mark.parametrize("image", ["docker.io/library/python:3.11", "246618743249.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.7-1"])
def test_images_of_no_region_or_of_the_stages_region_are_kept(image):
    target = regional.Target("preprod", "333333333333", "eu-central-1")
    assert regional.regional_image(image, target, {}) == image
