"""The abalone training pipeline as a SageMaker pipeline definition (schema version 2020-12-01).

The definition is built from plain dictionaries rather than through the SageMaker Python SDK, so it can be built,
read and tested without the SDK or AWS. Step arguments use the field names of the matching SageMaker API requests
(CreateProcessingJob, CreateTrainingJob, CreateModelPackage); values that are only known at run time are
expressions: `{"Get": "Parameters.X"}`, `{"Get": "Steps.S.<property path>"}`, `{"Std:Join": ...}`,
`{"Std:JsonGet": ...}`.

    preprocess -> train -> evaluate -> MSE <= MseThreshold ? register (PendingManualApproval) : fail
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from pipelines.abalone.images import xgboost_image_uri

SCHEMA_VERSION = "2020-12-01"

STEP_PREPROCESS = "PreprocessAbaloneData"
STEP_TRAIN = "TrainAbaloneModel"
STEP_EVALUATE = "EvaluateAbaloneModel"
STEP_CHECK = "CheckMSEAbaloneEvaluation"
STEP_REGISTER = "RegisterAbaloneModel"
STEP_FAIL = "MSEAboveThreshold"
EVALUATION_REPORT = "AbaloneEvaluationReport"
MSE_PATH = "regression_metrics.mse.value"

# Registration always waits for a person: an execution parameter here would let whoever starts a run skip the
# approval that triggers deployment.
APPROVAL_STATUS = "PendingManualApproval"

# The scripts the processing steps run; run_pipeline uploads them and passes their S3 URIs in `code_uris`.
SCRIPTS = ("preprocess", "evaluate")
CODE_DIR = "/opt/ml/processing/input/code"

HYPERPARAMETERS = {
    "objective": "reg:squarederror",
    "num_round": "50",
    "max_depth": "5",
    "eta": "0.2",
    "gamma": "4",
    "min_child_weight": "6",
    "subsample": "0.7",
    "verbosity": "0",
}


@dataclass(frozen=True)
class PipelineSettings:
    """Everything the definition depends on besides its run-time parameters."""

    region: str
    role_arn: str
    bucket: str
    model_package_group_name: str
    code_uris: Mapping[str, str]
    s3_prefix: str = "abalone"
    kms_key_id: Optional[str] = None
    image_uri: Optional[str] = None
    inference_instance_types: List[str] = field(default_factory=lambda: ["ml.t2.medium", "ml.m5.large", "ml.m5.xlarge"])

    def image(self) -> str:
        return self.image_uri or xgboost_image_uri(self.region)

    def code_uri(self, script: str) -> str:
        uri = self.code_uris.get(script)
        if not uri:
            raise ValueError(f"no S3 URI for script '{script}' in code_uris; upload {script}.py and pass its URI")
        return uri


def parameters(region: str) -> List[Dict[str, Any]]:
    """The pipeline parameters an execution may override."""
    return [
        {"Name": "ProcessingInstanceType", "Type": "String", "DefaultValue": "ml.m5.xlarge"},
        {"Name": "TrainingInstanceType", "Type": "String", "DefaultValue": "ml.m5.xlarge"},
        {
            "Name": "InputDataUrl",
            "Type": "String",
            "DefaultValue": f"s3://sagemaker-servicecatalog-seedcode-{region}/dataset/abalone-dataset.csv",
        },
        {"Name": "MseThreshold", "Type": "Float", "DefaultValue": 6.0},
    ]


# Expressions ---------------------------------------------------------------------------------------------------

def get(path: str) -> Dict[str, str]:
    return {"Get": path}


def param(name: str) -> Dict[str, str]:
    return get(f"Parameters.{name}")


def join(values: List[Any], on: str = "/") -> Dict[str, Any]:
    return {"Std:Join": {"On": on, "Values": values}}


def processing_output(step: str, output: str) -> Dict[str, str]:
    return get(f"Steps.{step}.ProcessingOutputConfig.Outputs['{output}'].S3Output.S3Uri")


MODEL_ARTIFACTS = get(f"Steps.{STEP_TRAIN}.ModelArtifacts.S3ModelArtifacts")


# Building blocks -----------------------------------------------------------------------------------------------

def _output_location(settings: PipelineSettings, name: str) -> Dict[str, Any]:
    # One prefix per execution, so concurrent or repeated runs never overwrite each other's data.
    base = f"s3://{settings.bucket}/{settings.s3_prefix}".rstrip("/")
    return join([base, get("Execution.PipelineExecutionId"), name])


def _s3_input(name: str, uri: Any, local_path: str) -> Dict[str, Any]:
    return {
        "InputName": name,
        "AppManaged": False,
        "S3Input": {
            "S3Uri": uri,
            "LocalPath": local_path,
            "S3DataType": "S3Prefix",
            "S3InputMode": "File",
            "S3DataDistributionType": "FullyReplicated",
            "S3CompressionType": "None",
        },
    }


def _s3_output(settings: PipelineSettings, name: str, local_path: str) -> Dict[str, Any]:
    return {
        "OutputName": name,
        "AppManaged": False,
        "S3Output": {"S3Uri": _output_location(settings, name), "LocalPath": local_path, "S3UploadMode": "EndOfJob"},
    }


def _processing_step(settings: PipelineSettings, name: str, script: str, inputs: List[Dict[str, Any]],
                     outputs: List[Dict[str, Any]]) -> Dict[str, Any]:
    output_config: Dict[str, Any] = {"Outputs": outputs}
    if settings.kms_key_id:
        output_config["KmsKeyId"] = settings.kms_key_id
    return {
        "Name": name,
        "Type": "Processing",
        "Arguments": {
            "ProcessingResources": {
                "ClusterConfig": {"InstanceCount": 1, "InstanceType": param("ProcessingInstanceType"), "VolumeSizeInGB": 30}
            },
            "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
            "AppSpecification": {
                "ImageUri": settings.image(),
                "ContainerEntrypoint": ["python3", f"{CODE_DIR}/{script}.py"],
            },
            "RoleArn": settings.role_arn,
            "ProcessingInputs": inputs + [_s3_input("code", settings.code_uri(script), CODE_DIR)],
            "ProcessingOutputConfig": output_config,
        },
    }


def preprocess_step(settings: PipelineSettings) -> Dict[str, Any]:
    outputs = [_s3_output(settings, split, f"/opt/ml/processing/{split}") for split in ("train", "validation", "test")]
    inputs = [_s3_input("input-data", param("InputDataUrl"), "/opt/ml/processing/input/data")]
    return _processing_step(settings, STEP_PREPROCESS, "preprocess", inputs, outputs)


def train_step(settings: PipelineSettings) -> Dict[str, Any]:
    def channel(name: str) -> Dict[str, Any]:
        return {
            "ChannelName": name,
            "ContentType": "text/csv",
            "DataSource": {
                "S3DataSource": {
                    "S3DataType": "S3Prefix",
                    "S3Uri": processing_output(STEP_PREPROCESS, name),
                    "S3DataDistributionType": "FullyReplicated",
                }
            },
        }

    output_config: Dict[str, Any] = {"S3OutputPath": _output_location(settings, "model")}
    if settings.kms_key_id:
        output_config["KmsKeyId"] = settings.kms_key_id
    return {
        "Name": STEP_TRAIN,
        "Type": "Training",
        "Arguments": {
            "AlgorithmSpecification": {"TrainingImage": settings.image(), "TrainingInputMode": "File"},
            "HyperParameters": dict(HYPERPARAMETERS),
            "InputDataConfig": [channel("train"), channel("validation")],
            "OutputDataConfig": output_config,
            "ResourceConfig": {"InstanceCount": 1, "InstanceType": param("TrainingInstanceType"), "VolumeSizeInGB": 30},
            "StoppingCondition": {"MaxRuntimeInSeconds": 86400},
            "RoleArn": settings.role_arn,
        },
    }


def evaluate_step(settings: PipelineSettings) -> Dict[str, Any]:
    inputs = [
        _s3_input("model", MODEL_ARTIFACTS, "/opt/ml/processing/model"),
        _s3_input("test", processing_output(STEP_PREPROCESS, "test"), "/opt/ml/processing/test"),
    ]
    outputs = [_s3_output(settings, "evaluation", "/opt/ml/processing/evaluation")]
    step = _processing_step(settings, STEP_EVALUATE, "evaluate", inputs, outputs)
    step["PropertyFiles"] = [{"PropertyFileName": EVALUATION_REPORT, "OutputName": "evaluation", "FilePath": "evaluation.json"}]
    return step


def register_step(settings: PipelineSettings) -> Dict[str, Any]:
    report_uri = join([processing_output(STEP_EVALUATE, "evaluation"), "evaluation.json"])
    return {
        "Name": STEP_REGISTER,
        "Type": "RegisterModel",
        "Arguments": {
            "ModelPackageGroupName": settings.model_package_group_name,
            "ModelApprovalStatus": APPROVAL_STATUS,
            "InferenceSpecification": {
                "Containers": [{"Image": settings.image(), "ModelDataUrl": MODEL_ARTIFACTS}],
                "SupportedContentTypes": ["text/csv"],
                "SupportedResponseMIMETypes": ["text/csv"],
                "SupportedRealtimeInferenceInstanceTypes": list(settings.inference_instance_types),
                "SupportedTransformInstanceTypes": ["ml.m5.large"],
            },
            "ModelMetrics": {"ModelQuality": {"Statistics": {"ContentType": "application/json", "S3Uri": report_uri}}},
        },
    }


def fail_step() -> Dict[str, Any]:
    # The seed ended "successfully" with nothing registered; failing makes a rejected model visible.
    message = join(["Model MSE is above MseThreshold", param("MseThreshold")], on=" ")
    return {"Name": STEP_FAIL, "Type": "Fail", "Arguments": {"ErrorMessage": message}}


def check_step(settings: PipelineSettings) -> Dict[str, Any]:
    mse = {
        "Std:JsonGet": {
            "PropertyFile": get(f"Steps.{STEP_EVALUATE}.PropertyFiles.{EVALUATION_REPORT}"),
            "Path": MSE_PATH,
        }
    }
    return {
        "Name": STEP_CHECK,
        "Type": "Condition",
        "Arguments": {
            "Conditions": [{"Type": "LessThanOrEqualTo", "LeftValue": mse, "RightValue": param("MseThreshold")}],
            "IfSteps": [register_step(settings)],
            "ElseSteps": [fail_step()],
        },
    }


def build_definition(settings: PipelineSettings) -> Dict[str, Any]:
    """The full pipeline definition (a JSON-ready dict) for UpsertPipeline."""
    return {
        "Version": SCHEMA_VERSION,
        "Metadata": {},
        "Parameters": parameters(settings.region),
        "PipelineExperimentConfig": {
            "ExperimentName": get("Execution.PipelineName"),
            "TrialName": get("Execution.PipelineExecutionId"),
        },
        "Steps": [preprocess_step(settings), train_step(settings), evaluate_step(settings), check_step(settings)],
    }


def definition_json(settings: PipelineSettings) -> str:
    """The definition as the string CreatePipeline/UpdatePipeline take (stable key order)."""
    return json.dumps(build_definition(settings), sort_keys=True)
