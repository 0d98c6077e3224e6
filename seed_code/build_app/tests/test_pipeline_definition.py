"""The pipeline definition: schema, parameters, step order, data dependencies, condition and registration."""
import dataclasses
import json
import re

import pytest

from pipelines.abalone import images
from pipelines.abalone import pipeline as p

STEP_REF = re.compile(r"^Steps\.([A-Za-z0-9-]+)\.(.*)$")
OUTPUT_REF = re.compile(r"^ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri$")


def walk(value):
    """Every dict and list in a JSON value, depth first."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        yield from walk(child)


def gets(value):
    return [node["Get"] for node in walk(value) if isinstance(node, dict) and "Get" in node]


def flatten(steps):
    """Steps in execution order: a condition's branches follow the condition."""
    for step in steps:
        yield step
        if step["Type"] == "Condition":
            yield from flatten(step["Arguments"]["IfSteps"])
            yield from flatten(step["Arguments"]["ElseSteps"])


def step_refs(step):
    """(step name, property path) for every `Steps.` reference inside a step (not inside nested steps)."""
    own = dict(step)
    if step["Type"] == "Condition":
        own["Arguments"] = {"Conditions": step["Arguments"]["Conditions"]}
    return [STEP_REF.match(path).groups() for path in gets(own) if path.startswith("Steps.")]


def by_name(definition):
    return {step["Name"]: step for step in flatten(definition["Steps"])}


def test_schema_version_and_top_level_keys(settings):
    definition = p.build_definition(settings)
    assert definition["Version"] == "2020-12-01"
    assert set(definition) == {"Version", "Metadata", "Parameters", "PipelineExperimentConfig", "Steps"}


def test_parameters_are_declared_typed_and_all_used(settings):
    definition = p.build_definition(settings)
    declared = {item["Name"]: item for item in definition["Parameters"]}
    assert set(declared) == {"ProcessingInstanceType", "TrainingInstanceType", "InputDataUrl", "MseThreshold"}
    assert declared["MseThreshold"]["Type"] == "Float" and declared["MseThreshold"]["DefaultValue"] == 6.0
    assert declared["InputDataUrl"]["DefaultValue"] == (
        "s3://sagemaker-servicecatalog-seedcode-us-east-1/dataset/abalone-dataset.csv"
    )
    for item in declared.values():
        default = item["DefaultValue"]
        assert {"String": str, "Float": float, "Integer": int}[item["Type"]] is type(default)
    used = {path.split(".", 1)[1] for path in gets(definition["Steps"]) if path.startswith("Parameters.")}
    assert used == set(declared), "every referenced parameter is declared and every declared one is used"


def test_approval_status_is_not_an_execution_parameter(settings):
    names = [item["Name"] for item in p.build_definition(settings)["Parameters"]]
    assert "ModelApprovalStatus" not in names


def test_steps_run_preprocess_train_evaluate_check(settings):
    definition = p.build_definition(settings)
    assert [(s["Name"], s["Type"]) for s in definition["Steps"]] == [
        (p.STEP_PREPROCESS, "Processing"),
        (p.STEP_TRAIN, "Training"),
        (p.STEP_EVALUATE, "Processing"),
        (p.STEP_CHECK, "Condition"),
    ]
    names = [step["Name"] for step in flatten(definition["Steps"])]
    assert len(names) == len(set(names)) == 6


def test_every_reference_points_to_an_earlier_step_and_an_existing_output(settings):
    definition = p.build_definition(settings)
    steps = by_name(definition)
    seen = []
    for step in flatten(definition["Steps"]):
        for target, path in step_refs(step):
            assert target in seen, f"{step['Name']} reads {target}, which has not run yet"
            output = OUTPUT_REF.match(path)
            if output:
                outputs = steps[target]["Arguments"]["ProcessingOutputConfig"]["Outputs"]
                assert output.group(1) in [o["OutputName"] for o in outputs]
        seen.append(step["Name"])


@pytest.mark.parametrize(
    "step, expected",
    [
        (p.STEP_PREPROCESS, set()),
        (p.STEP_TRAIN, {p.STEP_PREPROCESS}),
        (p.STEP_EVALUATE, {p.STEP_PREPROCESS, p.STEP_TRAIN}),
        (p.STEP_CHECK, {p.STEP_EVALUATE}),
        (p.STEP_REGISTER, {p.STEP_TRAIN, p.STEP_EVALUATE}),
        (p.STEP_FAIL, set()),
    ],
)
def test_data_dependencies(settings, step, expected):
    assert {target for target, _ in step_refs(by_name(p.build_definition(settings))[step])} == expected


def test_training_reads_the_train_and_validation_splits(settings):
    train = by_name(p.build_definition(settings))[p.STEP_TRAIN]["Arguments"]
    channels = {c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"]["Get"] for c in train["InputDataConfig"]}
    assert channels == {
        name: f"Steps.{p.STEP_PREPROCESS}.ProcessingOutputConfig.Outputs['{name}'].S3Output.S3Uri"
        for name in ("train", "validation")
    }
    assert train["AlgorithmSpecification"]["TrainingImage"] == images.xgboost_image_uri("us-east-1")
    assert all(isinstance(value, str) for value in train["HyperParameters"].values())
    assert train["HyperParameters"]["objective"] == "reg:squarederror"


def test_condition_compares_the_evaluated_mse_with_the_threshold(settings):
    check = by_name(p.build_definition(settings))[p.STEP_CHECK]["Arguments"]
    (condition,) = check["Conditions"]
    assert condition["Type"] == "LessThanOrEqualTo"
    json_get = condition["LeftValue"]["Std:JsonGet"]
    assert json_get["Path"] == "regression_metrics.mse.value"
    assert json_get["PropertyFile"] == {"Get": f"Steps.{p.STEP_EVALUATE}.PropertyFiles.{p.EVALUATION_REPORT}"}
    assert condition["RightValue"] == {"Get": "Parameters.MseThreshold"}
    assert [s["Name"] for s in check["IfSteps"]] == [p.STEP_REGISTER]
    assert [(s["Name"], s["Type"]) for s in check["ElseSteps"]] == [(p.STEP_FAIL, "Fail")]


def test_the_property_file_is_an_output_of_the_evaluation(settings):
    evaluate = by_name(p.build_definition(settings))[p.STEP_EVALUATE]
    (report,) = evaluate["PropertyFiles"]
    assert report == {"PropertyFileName": p.EVALUATION_REPORT, "OutputName": "evaluation", "FilePath": "evaluation.json"}
    outputs = evaluate["Arguments"]["ProcessingOutputConfig"]["Outputs"]
    assert [o["OutputName"] for o in outputs] == ["evaluation"]


def test_register_step_waits_for_manual_approval(settings):
    register = by_name(p.build_definition(settings))[p.STEP_REGISTER]
    assert register["Type"] == "RegisterModel"
    arguments = register["Arguments"]
    assert arguments["ModelApprovalStatus"] == "PendingManualApproval"
    assert arguments["ModelPackageGroupName"] == "demo-p-abc123"
    (container,) = arguments["InferenceSpecification"]["Containers"]
    assert container["ModelDataUrl"] == {"Get": f"Steps.{p.STEP_TRAIN}.ModelArtifacts.S3ModelArtifacts"}
    assert container["Image"] == images.xgboost_image_uri("us-east-1")
    statistics = arguments["ModelMetrics"]["ModelQuality"]["Statistics"]
    assert statistics["ContentType"] == "application/json"
    assert statistics["S3Uri"]["Std:Join"]["Values"][-1] == "evaluation.json"


@pytest.mark.parametrize("step, script", [(p.STEP_PREPROCESS, "preprocess"), (p.STEP_EVALUATE, "evaluate")])
def test_processing_steps_run_their_uploaded_script(settings, step, script):
    arguments = by_name(p.build_definition(settings))[step]["Arguments"]
    code = [i for i in arguments["ProcessingInputs"] if i["InputName"] == "code"]
    assert len(code) == 1
    assert code[0]["S3Input"]["S3Uri"] == settings.code_uris[script]
    entrypoint = arguments["AppSpecification"]["ContainerEntrypoint"]
    assert entrypoint == ["python3", f"{code[0]['S3Input']['LocalPath']}/{script}.py"]


def test_outputs_are_kept_per_execution(settings):
    definition = p.build_definition(settings)
    locations = [o["S3Output"]["S3Uri"] for s in flatten(definition["Steps"]) if s["Type"] == "Processing"
                 for o in s["Arguments"]["ProcessingOutputConfig"]["Outputs"]]
    locations.append(by_name(definition)[p.STEP_TRAIN]["Arguments"]["OutputDataConfig"]["S3OutputPath"])
    assert len(locations) == 5
    for location in locations:
        values = location["Std:Join"]["Values"]
        assert values[0] == "s3://mlops-demo-p-abc123-us-east-1/demo-p-abc123"
        assert values[1] == {"Get": "Execution.PipelineExecutionId"}


def test_kms_key_encrypts_every_output_when_given(settings):
    def keys(definition):
        steps = by_name(definition)
        return [
            steps[p.STEP_PREPROCESS]["Arguments"]["ProcessingOutputConfig"].get("KmsKeyId"),
            steps[p.STEP_EVALUATE]["Arguments"]["ProcessingOutputConfig"].get("KmsKeyId"),
            steps[p.STEP_TRAIN]["Arguments"]["OutputDataConfig"].get("KmsKeyId"),
        ]

    assert keys(p.build_definition(settings)) == [settings.kms_key_id] * 3
    assert keys(p.build_definition(dataclasses.replace(settings, kms_key_id=None))) == [None] * 3


def test_a_missing_script_uri_is_an_error(settings):
    with pytest.raises(ValueError, match="evaluate"):
        p.build_definition(dataclasses.replace(settings, code_uris={"preprocess": "s3://b/k"}))


def test_definition_json_is_stable_and_round_trips(settings):
    text = p.definition_json(settings)
    assert json.loads(text) == p.build_definition(settings)
    assert text == p.definition_json(settings)


@pytest.mark.parametrize(
    "operation, step, extra",
    [
        ("CreateProcessingJob", p.STEP_PREPROCESS, {"ProcessingJobName": "x"}),
        ("CreateTrainingJob", p.STEP_TRAIN, {"TrainingJobName": "x"}),
        ("CreateProcessingJob", p.STEP_EVALUATE, {"ProcessingJobName": "x"}),
        ("CreateModelPackage", p.STEP_REGISTER, {}),
    ],
)
def test_step_arguments_match_the_sagemaker_api(settings, api_check, operation, step, extra):
    arguments = by_name(p.build_definition(settings))[step]["Arguments"]
    assert api_check(operation, arguments, **extra) == ""


def test_the_api_check_catches_a_misspelt_field(settings, api_check):
    arguments = by_name(p.build_definition(settings))[p.STEP_TRAIN]["Arguments"]
    broken = dict(arguments, ResourceConfig=dict(arguments["ResourceConfig"], InstanceCnt=1))
    assert "InstanceCnt" in api_check("CreateTrainingJob", broken, TrainingJobName="x")


@pytest.mark.parametrize(
    "region, expected",
    [
        ("us-east-1", "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"),
        ("eu-west-1", "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1"),
        ("cn-north-1", "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1"),
    ],
)
def test_xgboost_image_per_region(region, expected):
    assert images.xgboost_image_uri(region) == expected


def test_unknown_region_names_the_override(settings):
    with pytest.raises(images.UnknownRegionError, match="XGBOOST_IMAGE_URI"):
        images.xgboost_image_uri("xx-nowhere-9")
    override = dataclasses.replace(settings, region="xx-nowhere-9", image_uri="123456789012.dkr.ecr.x/y:1")
    definition = p.build_definition(override)
    assert by_name(definition)[p.STEP_TRAIN]["Arguments"]["AlgorithmSpecification"]["TrainingImage"] == override.image_uri
