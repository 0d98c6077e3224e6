"""`run-pipeline`: create or update the project's SageMaker pipeline and start an execution.

The build CodeBuild project calls this with the project's settings in environment variables:

    SAGEMAKER_PROJECT_NAME, SAGEMAKER_PROJECT_ID   project tags (sagemaker:project-name / sagemaker:project-id)
    MODEL_PACKAGE_GROUP_NAME                        where the trained model is registered
    AWS_REGION                                      region of the pipeline and its jobs
    SAGEMAKER_PIPELINE_NAME                         pipeline name (default <project name>-<project id>)
    SAGEMAKER_PIPELINE_DESCRIPTION                  pipeline description (optional)
    SAGEMAKER_PIPELINE_ROLE_ARN                     role the pipeline and its jobs run as
    ARTIFACT_BUCKET, ARTIFACT_BUCKET_KMS_ID         where code, data and models go, and their KMS key (optional)
    XGBOOST_IMAGE_URI                               optional override of the built-in XGBoost image

Steps: upload preprocess.py / evaluate.py to S3 (content-addressed keys), upsert the pipeline with its tags, start
an execution and return. `--wait` follows the execution to the end instead (the seed always waited, which ties a
CodeBuild build up for as long as training runs); `--dry-run` prints the definition and touches nothing.
Only this module talks to AWS, through boto3, imported when it is first needed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from pipelines.abalone import pipeline as abalone

REQUIRED_ENV = (
    "SAGEMAKER_PROJECT_NAME",
    "SAGEMAKER_PROJECT_ID",
    "MODEL_PACKAGE_GROUP_NAME",
    "AWS_REGION",
    "SAGEMAKER_PIPELINE_ROLE_ARN",
    "ARTIFACT_BUCKET",
)
FINISHED = {"Succeeded", "Failed", "Stopped"}


class ConfigError(Exception):
    """The environment or the command line is incomplete or wrong."""


@dataclass(frozen=True)
class RunSettings:
    project_name: str
    project_id: str
    model_package_group_name: str
    region: str
    pipeline_name: str
    description: str
    role_arn: str
    bucket: str
    kms_key_id: Optional[str] = None
    image_uri: Optional[str] = None

    @property
    def tags(self) -> List[Dict[str, str]]:
        # These two tags make the pipeline show up under the project in SageMaker Studio.
        return [
            {"Key": "sagemaker:project-name", "Value": self.project_name},
            {"Key": "sagemaker:project-id", "Value": self.project_id},
        ]

    def pipeline_settings(self, code_uris: Mapping[str, str]) -> abalone.PipelineSettings:
        return abalone.PipelineSettings(
            region=self.region,
            role_arn=self.role_arn,
            bucket=self.bucket,
            model_package_group_name=self.model_package_group_name,
            code_uris=dict(code_uris),
            s3_prefix=self.pipeline_name,
            kms_key_id=self.kms_key_id,
            image_uri=self.image_uri,
        )


def settings_from_env(env: Mapping[str, str]) -> RunSettings:
    """Reads the CodeBuild environment; names every missing variable at once."""
    value = {key: (env.get(key) or "").strip() for key in REQUIRED_ENV}
    missing = [key for key in REQUIRED_ENV if not value[key]]
    if missing:
        raise ConfigError(
            f"missing environment variable(s) {', '.join(missing)}; the build CodeBuild project sets them "
            "(export them yourself to run locally)"
        )
    name_id = f"{value['SAGEMAKER_PROJECT_NAME']}-{value['SAGEMAKER_PROJECT_ID']}"
    pipeline_name = (env.get("SAGEMAKER_PIPELINE_NAME") or "").strip() or name_id
    description = (env.get("SAGEMAKER_PIPELINE_DESCRIPTION") or "").strip() or f"{value['SAGEMAKER_PROJECT_NAME']} model build pipeline"
    return RunSettings(
        project_name=value["SAGEMAKER_PROJECT_NAME"],
        project_id=value["SAGEMAKER_PROJECT_ID"],
        model_package_group_name=value["MODEL_PACKAGE_GROUP_NAME"],
        region=value["AWS_REGION"],
        pipeline_name=pipeline_name,
        description=description,
        role_arn=value["SAGEMAKER_PIPELINE_ROLE_ARN"],
        bucket=value["ARTIFACT_BUCKET"],
        kms_key_id=(env.get("ARTIFACT_BUCKET_KMS_ID") or "").strip() or None,
        image_uri=(env.get("XGBOOST_IMAGE_URI") or "").strip() or None,
    )


# Code upload ---------------------------------------------------------------------------------------------------

def script_path(script: str) -> str:
    return os.path.join(os.path.dirname(abalone.__file__), f"{script}.py")


def code_key(prefix: str, script: str, body: bytes) -> str:
    """`<prefix>/code/<sha256 prefix>/<script>.py`: a changed script gets a new key, so a running execution keeps
    the code it started with."""
    digest = hashlib.sha256(body).hexdigest()[:16]
    return f"{prefix}/code/{digest}/{script}.py"


def planned_code(settings: RunSettings) -> Dict[str, Tuple[str, bytes]]:
    """script -> (S3 key, file content)."""
    planned = {}
    for script in abalone.SCRIPTS:
        with open(script_path(script), "rb") as handle:
            body = handle.read()
        planned[script] = (code_key(settings.pipeline_name, script, body), body)
    return planned


def code_uris(settings: RunSettings, planned: Mapping[str, Tuple[str, bytes]]) -> Dict[str, str]:
    return {script: f"s3://{settings.bucket}/{key}" for script, (key, _) in planned.items()}


def upload_code(s3: Any, settings: RunSettings, planned: Mapping[str, Tuple[str, bytes]]) -> None:
    for key, body in planned.values():
        extra: Dict[str, str] = {}
        if settings.kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": settings.kms_key_id}
        s3.put_object(Bucket=settings.bucket, Key=key, Body=body, **extra)


# Pipeline ------------------------------------------------------------------------------------------------------

def error_code(error: BaseException) -> str:
    """The AWS error code of a botocore ClientError (without importing botocore), or ''."""
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def _not_found(error: BaseException) -> bool:
    # SageMaker documents ResourceNotFound; some endpoints (and moto) answer ValidationException "Could not find".
    text = str(error).lower()
    return error_code(error) == "ResourceNotFound" or (
        error_code(error) == "ValidationException" and ("could not find" in text or "does not exist" in text)
    )


def _already_exists(error: BaseException) -> bool:
    return error_code(error) in {"ValidationException", "ResourceInUse"} and "already exists" in str(error)


def upsert_pipeline(sagemaker: Any, settings: RunSettings, definition: str) -> str:
    """CreatePipeline (with tags) when it does not exist, else UpdatePipeline + AddTags. Returns the pipeline ARN."""
    request = {
        "PipelineName": settings.pipeline_name,
        "PipelineDefinition": definition,
        "PipelineDescription": settings.description,
        "RoleArn": settings.role_arn,
    }
    exists = True
    try:
        sagemaker.describe_pipeline(PipelineName=settings.pipeline_name)
    except Exception as error:  # noqa: BLE001 - only a ClientError carries a code; anything else is re-raised
        if not _not_found(error):
            raise
        exists = False
    if not exists:
        try:
            return sagemaker.create_pipeline(Tags=settings.tags, **request)["PipelineArn"]
        except Exception as error:  # noqa: BLE001
            if not _already_exists(error):  # created concurrently by another build: update it instead
                raise
    arn = sagemaker.update_pipeline(**request)["PipelineArn"]
    sagemaker.add_tags(ResourceArn=arn, Tags=settings.tags)
    return arn


def parse_parameters(pairs: Sequence[str], definition: Mapping[str, Any]) -> List[Dict[str, str]]:
    """`NAME=VALUE` pairs -> StartPipelineExecution's PipelineParameters, checked against the definition."""
    known = [parameter["Name"] for parameter in definition["Parameters"]]
    parsed = []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ConfigError(f"--parameter '{pair}' is not NAME=VALUE")
        if name not in known:
            raise ConfigError(f"--parameter '{name}' is not a pipeline parameter; known: {', '.join(known)}")
        parsed.append({"Name": name, "Value": value})
    return parsed


def start_execution(sagemaker: Any, settings: RunSettings, parameters: List[Dict[str, str]]) -> str:
    request: Dict[str, Any] = {
        "PipelineName": settings.pipeline_name,
        "PipelineExecutionDescription": f"started by run-pipeline for {settings.project_name}",
    }
    if parameters:
        request["PipelineParameters"] = parameters
    return sagemaker.start_pipeline_execution(**request)["PipelineExecutionArn"]


def wait_for_execution(sagemaker: Any, execution_arn: str, timeout: float, poll: float = 30.0,
                       sleep: Callable[[float], None] = time.sleep,
                       clock: Callable[[], float] = time.monotonic) -> str:
    """Polls until the execution finishes or `timeout` seconds pass; returns the last status seen."""
    deadline = clock() + timeout
    while True:
        status = sagemaker.describe_pipeline_execution(PipelineExecutionArn=execution_arn)["PipelineExecutionStatus"]
        if status in FINISHED or clock() >= deadline:
            return status
        sleep(poll)


# CLI -----------------------------------------------------------------------------------------------------------

def default_clients(region: str) -> Tuple[Any, Any]:  # pragma: no cover - needs boto3 and AWS
    import boto3  # noqa: PLC0415 - imported late so the definition can be built without it

    session = boto3.session.Session(region_name=region)
    return session.client("sagemaker"), session.client("s3")


def _arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run-pipeline", description="Upsert and start the project's SageMaker pipeline.")
    parser.add_argument("--dry-run", action="store_true", help="print the pipeline definition; call no AWS API")
    parser.add_argument("--wait", action="store_true", help="wait for the execution to finish; fail unless it succeeds")
    parser.add_argument("--timeout", type=float, default=3300, help="seconds --wait waits (default 3300)")
    parser.add_argument("--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="override a pipeline parameter for this execution (repeatable)")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None, env: Optional[Mapping[str, str]] = None,
         clients: Optional[Callable[[str], Tuple[Any, Any]]] = None,
         sleep: Callable[[float], None] = time.sleep) -> int:
    args = _arguments(argv)
    try:
        settings = settings_from_env(os.environ if env is None else env)
        planned = planned_code(settings)
        definition = abalone.build_definition(settings.pipeline_settings(code_uris(settings, planned)))
        parameters = parse_parameters(args.parameter, definition)
    except (ConfigError, ValueError) as error:
        print(f"run-pipeline: {error}", file=sys.stderr)
        return 2
    if args.dry_run:
        print(json.dumps(definition, indent=2, sort_keys=True))
        return 0

    sagemaker, s3 = (clients or default_clients)(settings.region)
    try:
        upload_code(s3, settings, planned)
        arn = upsert_pipeline(sagemaker, settings, json.dumps(definition, sort_keys=True))
        print(f"run-pipeline: pipeline {arn} is up to date")
        execution = start_execution(sagemaker, settings, parameters)
        print(f"run-pipeline: started {execution}")
        if args.wait:
            status = wait_for_execution(sagemaker, execution, args.timeout, sleep=sleep)
            print(f"run-pipeline: execution status {status}")
            if status != "Succeeded":
                return 1
    except Exception as error:  # noqa: BLE001 - report any AWS failure as one line and a non-zero exit
        code = error_code(error)
        print(f"run-pipeline: {settings.pipeline_name}: {code + ': ' if code else ''}{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
