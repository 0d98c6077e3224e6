"""config/<stage>.json: the shipped files, the schema, and the hand-written validator agreeing with it."""
import json
import os

import pytest

import stage_config
from stage_config import STAGES


def schema(config_dir):
    with open(os.path.join(config_dir, "schema.json")) as handle:
        return json.load(handle)


def validator(need, config_dir):
    jsonschema = need("jsonschema")
    document = schema(config_dir)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def test_the_config_folder_holds_exactly_the_stages_and_the_schema(config_dir):
    assert sorted(os.listdir(config_dir)) == sorted([f"{stage}.json" for stage in STAGES] + ["schema.json"])


@pytest.mark.parametrize("stage", STAGES)
def test_shipped_configs_match_the_schema_and_load(need, config_dir, stage):
    with open(os.path.join(config_dir, f"{stage}.json")) as handle:
        document = json.load(handle)
    assert list(validator(need, config_dir).iter_errors(document)) == []
    config = stage_config.load(config_dir, stage)
    assert config.to_json() == document


def test_prod_runs_at_least_two_instances(config_dir):
    assert stage_config.load(config_dir, "prod").initial_instance_count >= 2


VALID = [
    {"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "AllTraffic"},
    {"instanceType": "ml.c5.2xlarge", "initialInstanceCount": 100, "variantName": "blue-green--1"},
    {"instanceType": "ml.m5.large", "initialInstanceCount": 2, "variantName": "A",
     "dataCapture": {"enabled": True, "samplingPercentage": 20, "destinationS3Uri": "s3://capture-bucket/prod"}},
    {"instanceType": "ml.m5.large", "initialInstanceCount": 2, "variantName": "A", "dataCapture": {"enabled": False}},
    {"instanceType": "ml.m5.large", "initialInstanceCount": 2, "variantName": "A",
     "dataCapture": {"enabled": True, "destinationS3Uri": "s3://capture-bucket"}},
]

INVALID = [
    ({"initialInstanceCount": 1, "variantName": "A"}, "instanceType: required"),
    ({"instanceType": "m5.large", "initialInstanceCount": 1, "variantName": "A"}, "instanceType"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 0, "variantName": "A"}, "initialInstanceCount"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1.5, "variantName": "A"}, "initialInstanceCount"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": True, "variantName": "A"}, "initialInstanceCount"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": "2", "variantName": "A"}, "initialInstanceCount"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1}, "variantName: required"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "-bad"}, "variantName"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "x" * 64}, "variantName"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A", "instance_type": "x"},
     "instance_type: unknown key"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A", "dataCapture": {"enabled": True}},
     "destinationS3Uri: required"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A",
      "dataCapture": {"enabled": True, "destinationS3Uri": "https://bucket/x"}}, "destinationS3Uri"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A",
      "dataCapture": {"enabled": True, "destinationS3Uri": "s3://b-1/x", "samplingPercentage": 101}},
     "samplingPercentage"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A",
      "dataCapture": {"samplingPercentage": 10}}, "enabled"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A",
      "dataCapture": {"enabled": "yes", "destinationS3Uri": "s3://b-1/x"}}, "enabled"),
    ({"instanceType": "ml.m5.large", "initialInstanceCount": 1, "variantName": "A",
      "dataCapture": {"enabled": False, "rate": 1}}, "dataCapture.rate: unknown key"),
    ([], "JSON object"),
]


@pytest.mark.parametrize("document", VALID)
def test_valid_documents_pass_both_validators(need, config_dir, document):
    assert list(validator(need, config_dir).iter_errors(document)) == []
    assert stage_config.problems(document) == []


@pytest.mark.parametrize("document, expected", INVALID)
def test_invalid_documents_fail_both_validators(need, config_dir, document, expected):
    assert list(validator(need, config_dir).iter_errors(document)) != []
    found = stage_config.problems(document)
    assert any(expected in problem for problem in found), found
    with pytest.raises(stage_config.StageConfigError, match="schema.json"):
        stage_config.parse(document, source="x.json")


def test_parse_applies_the_sampling_default():
    config = stage_config.parse(VALID[4])
    assert config.data_capture.sampling_percentage == 100
    assert config.data_capture.destination_s3_uri == "s3://capture-bucket"


def test_errors_name_the_file_and_every_problem(tmp_path):
    (tmp_path / "dev.json").write_text('{"instanceType": "m5", "initialInstanceCount": 0, "variantName": "A"}')
    with pytest.raises(stage_config.StageConfigError) as caught:
        stage_config.load(str(tmp_path), "dev")
    message = str(caught.value)
    assert str(tmp_path / "dev.json") in message
    assert "instanceType" in message and "initialInstanceCount" in message


def test_a_missing_stage_file_is_an_error_not_a_fallback(tmp_path):
    (tmp_path / "dev.json").write_text(json.dumps(VALID[0]))
    with pytest.raises(stage_config.StageConfigError, match="preprod.json: not found"):
        stage_config.load_all(str(tmp_path))


def test_broken_json_names_the_line(tmp_path):
    (tmp_path / "prod.json").write_text('{\n  "instanceType": "ml.m5.large",\n  oops\n}')
    with pytest.raises(stage_config.StageConfigError, match="prod.json:3"):
        stage_config.load(str(tmp_path), "prod")


def test_unknown_stage_is_rejected(config_dir):
    with pytest.raises(stage_config.StageConfigError, match="staging"):
        stage_config.load(config_dir, "staging")
