"""Renders the endpoint stacks: `<out>/<stage>.template.json` for dev, preprod and prod, plus `deployment.json`.

Environment (set by the deploy CodeBuild project):

    MODEL_PACKAGE_GROUP_NAME   the project's model package group (<project name>-<project id>)
    PROJECT_NAME, PROJECT_ID   the SageMaker project; names and tags derive from them
    ARTIFACT_BUCKET            bucket holding the model data (the project's artifact bucket)
    ARTIFACT_BUCKET_KMS_ARN    ARN of the key encrypting that bucket (optional; grants kms:Decrypt on it)
    MODEL_PACKAGE_ARN          deploy this package instead of the newest approved one (optional)
    AWS_REGION                 region of the model registry (the DEV account's)
    <STAGE>_ACCOUNT_ID, <STAGE>_REGION, CDK_QUALIFIER
                               where each stage lives; a stage in another region than the registry gets a model built
                               from the package's containers, its model data copied there (see regional.py)
    <STAGE>_IMAGE_URI          the image for a stage in another region, when it is not SageMaker's own (optional)

All stage configs are validated before any AWS call. The calls are ListModelPackages, and for stages in another
region DescribeModelPackage and the copies of the model data, through boto3, imported when first needed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

import approved_package
import endpoint_stack
import naming
import regional
import stage_config

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED_ENV = ("MODEL_PACKAGE_GROUP_NAME", "PROJECT_NAME", "PROJECT_ID", "ARTIFACT_BUCKET")


class UsageError(Exception):
    """Missing environment or bad arguments."""


def _environment(env: Mapping[str, str]) -> Dict[str, str]:
    values = {key: (env.get(key) or "").strip() for key in REQUIRED_ENV}
    missing = [key for key in REQUIRED_ENV if not values[key]]
    if missing:
        raise UsageError(f"missing environment variable(s) {', '.join(missing)}; the deploy CodeBuild project sets them")
    for key in ("ARTIFACT_BUCKET_KMS_ARN", "MODEL_PACKAGE_ARN", "AWS_REGION"):
        values[key] = (env.get(key) or "").strip()
    return values


def default_sagemaker(region: str) -> Any:  # pragma: no cover - needs boto3 and AWS
    import boto3  # noqa: PLC0415 - only this call needs it

    return boto3.session.Session(region_name=region or None).client("sagemaker")


def default_s3(region: str) -> Any:  # pragma: no cover - needs boto3 and AWS
    import boto3  # noqa: PLC0415 - only cross-region stages need it

    return boto3.session.Session(region_name=region or None).client("s3")


def regional_containers(package_arn: str, configs: Mapping[str, stage_config.StageConfig], values: Mapping[str, str],
                        env: Mapping[str, str], sagemaker_factory: Callable[[str], Any], s3_factory: Callable[[str], Any],
                        target_s3: Callable[[str, "regional.Target"], Any]) -> Dict[str, List[Dict[str, Any]]]:
    """The containers of each stage in another region than the package (none when every stage shares its region)."""
    home = regional.package_region(package_arn)
    away = {stage: target for stage, target in regional.targets(env, configs).items() if target.region != home}
    if not away:
        return {}
    package = sagemaker_factory(home).describe_model_package(ModelPackageName=package_arn)
    source_s3 = s3_factory(home)
    return {stage: regional.regional_containers(package, target, values["PROJECT_NAME"], regional.qualifier(env), env, source_s3,
                                                target_s3)
            for stage, target in away.items()}


def render(package_arn: str, configs: Mapping[str, stage_config.StageConfig], values: Mapping[str, str],
           out_dir: str, containers: Optional[Mapping[str, List[Dict[str, Any]]]] = None) -> Dict[str, Any]:
    """Writes one template per stage and the manifest; returns the manifest."""
    os.makedirs(out_dir, exist_ok=True)
    manifest: Dict[str, Any] = {
        "modelPackageArn": package_arn,
        "modelPackageGroupName": values["MODEL_PACKAGE_GROUP_NAME"],
        "stages": {},
    }
    for stage, config in configs.items():
        template = endpoint_stack.build_template(
            model_package_arn=package_arn,
            config=config,
            project_name=values["PROJECT_NAME"],
            project_id=values["PROJECT_ID"],
            stage=stage,
            artifact_bucket=values["ARTIFACT_BUCKET"],
            kms_key_arn=values["ARTIFACT_BUCKET_KMS_ARN"] or None,
            containers=(containers or {}).get(stage),
        )
        file_name = f"{stage}.template.json"
        with open(os.path.join(out_dir, file_name), "w") as handle:
            json.dump(template, handle, indent=2, sort_keys=True)
            handle.write("\n")
        manifest["stages"][stage] = {
            "template": file_name,
            "endpointName": naming.endpoint_name(values["PROJECT_NAME"], values["PROJECT_ID"], stage),
            "config": config.to_json(),
        }
    with open(os.path.join(out_dir, "deployment.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")
    return manifest


def main(argv: Optional[Sequence[str]] = None, env: Optional[Mapping[str, str]] = None,
         sagemaker_factory: Callable[[str], Any] = default_sagemaker, s3_factory: Callable[[str], Any] = default_s3,
         target_s3: Callable[[str, Any], Any] = regional.default_target_s3) -> int:
    parser = argparse.ArgumentParser(description="Render the per-stage endpoint CloudFormation templates.")
    parser.add_argument("--out-dir", default=os.path.join(HERE, "build"))
    parser.add_argument("--config-dir", default=os.path.join(HERE, "config"))
    parser.add_argument("--stage", action="append", choices=stage_config.STAGES,
                        help="render only this stage (repeatable; default: all)")
    parser.add_argument("--model-package-arn", help="deploy this package instead of the newest approved one")
    args = parser.parse_args(argv)
    env = os.environ if env is None else env
    try:
        values = _environment(env)
        configs = stage_config.load_all(args.config_dir, tuple(args.stage or stage_config.STAGES))
    except (UsageError, stage_config.StageConfigError) as error:
        print(f"app: {error}", file=sys.stderr)
        return 2

    package_arn = args.model_package_arn or values["MODEL_PACKAGE_ARN"]
    try:
        if not package_arn:
            group = values["MODEL_PACKAGE_GROUP_NAME"]
            package_arn = approved_package.newest_approved_package(sagemaker_factory(values["AWS_REGION"]), group)[
                "ModelPackageArn"]
        containers = regional_containers(package_arn, configs, values, env, sagemaker_factory, s3_factory, target_s3)
        manifest = render(package_arn, configs, values, args.out_dir, containers)
    except (approved_package.NoApprovedPackageError, regional.RegionalError) as error:
        print(f"app: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - an AWS or file error becomes one line and a non-zero exit
        print(f"app: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    for stage, entry in manifest["stages"].items():
        print(f"app: {stage}: endpoint {entry['endpointName']} serves {package_arn} -> {entry['template']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
