"""Stages in another region than the model registry: what SageMaker needs there.

SageMaker creates a model from a model package only in the package's region, and pulls the model data (S3) and the
image (ECR) only from the endpoint's region. For a stage whose `<STAGE>_REGION` differs from the registry's region
(`AWS_REGION`, the DEV account's), the endpoint's model is therefore built from the package's containers:

- the model data is copied into the stage account's CDK staging bucket in the stage's region
  (`cdk-<qualifier>-assets-<account>-<region>`), as that account's CDK file-publishing role (which trusts DEV when the
  stage is bootstrapped with `--trust`), under `mlopsctl/model-data/<project>/<id>/<file>`, where `<id>` is derived
  from the source object's URL, ETag and size (`mlopsctl promote` uses the same key, so each copy is made once);
- a SageMaker XGBoost or scikit-learn image is taken from the stage region's SageMaker registry; any other image must
  be given for the stage as `<STAGE>_IMAGE_URI` (an image in that region, e.g. an ECR replica), or the build fails.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping

import registries

ECR_IMAGE = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([a-z0-9][a-z0-9._/-]*?)([:@].+)?$")
# Repositories SageMaker publishes from the accounts in registries.py (the same account per region serves both).
SAGEMAKER_REPOSITORIES = ("sagemaker-xgboost", "sagemaker-scikit-learn")


class RegionalError(Exception):
    """A stage in another region cannot be served: one line naming the fix."""


@dataclass(frozen=True)
class Target:
    """Where one stage's endpoint lives."""
    stage: str
    account: str
    region: str


def package_region(package_arn: str) -> str:
    return package_arn.split(":")[3]


def targets(env: Mapping[str, str], stages) -> Dict[str, Target]:
    """`<STAGE>_ACCOUNT_ID` and `<STAGE>_REGION` (the deploy CodeBuild project sets them) per stage that has both."""
    found = {}
    for stage in stages:
        account = (env.get(f"{stage.upper()}_ACCOUNT_ID") or "").strip()
        region = (env.get(f"{stage.upper()}_REGION") or "").strip()
        if account and region:
            found[stage] = Target(stage, account, region)
    return found


def regional_image(image: str, target: Target, env: Mapping[str, str]) -> str:
    """The image the stage's region pulls: `<STAGE>_IMAGE_URI`, the image itself when it is in that region, or
    SageMaker's own image from that region's registry."""
    override = (env.get(f"{target.stage.upper()}_IMAGE_URI") or "").strip()
    if override:
        return override
    match = ECR_IMAGE.match(image)
    if not match:
        return image  # another registry (reached through the endpoint's VPC), in no region
    account, region, repository, reference = match.groups()
    if region == target.region:
        return image
    if repository in SAGEMAKER_REPOSITORIES and registries.registry_account(region) == account:
        home = registries.registry_account(target.region)
        if home:
            return f"{home}.dkr.ecr.{target.region}.{registries.ecr_domain(target.region)}/{repository}{reference or ''}"
    raise RegionalError(
        f"{target.stage}: image {image} is in {region}, but SageMaker in {target.region} pulls only from {target.region}; "
        f"replicate it there (ECR replication) and set {target.stage.upper()}_IMAGE_URI on the deploy CodeBuild project")


def copy_key(project: str, source_url: str, etag: str, size: int) -> str:
    """`mlopsctl/model-data/<project>/<32 hex>/<file name>`: the same key `mlopsctl promote` uses."""
    identity = hashlib.sha256(f"{source_url}|{etag}|{size}".encode()).hexdigest()[:32]
    return f"mlopsctl/model-data/{project}/{identity}/{source_url.rsplit('/', 1)[-1] or 'model.tar.gz'}"


def staging_bucket(qualifier: str, target: Target) -> str:
    return f"cdk-{qualifier}-assets-{target.account}-{target.region}"


def publishing_role(qualifier: str, target: Target) -> str:
    partition = "aws-cn" if target.region.startswith("cn-") else "aws-us-gov" if target.region.startswith("us-gov-") else "aws"
    return f"arn:{partition}:iam::{target.account}:role/cdk-{qualifier}-file-publishing-role-{target.account}-{target.region}"


def copy_model_data(source_url: str, project: str, qualifier: str, target: Target, source_s3: Any,
                    target_s3: Callable[[str, Target], Any]) -> str:
    """Copies `s3://bucket/key` into the stage's staging bucket (streamed, multipart for large objects); returns the
    copy's URL. `target_s3(role_arn, target)` is an S3 client in the stage's region acting as `role_arn`."""
    if not source_url.startswith("s3://") or "/" not in source_url[5:]:
        raise RegionalError(f"{target.stage}: model data {source_url!r} is not an s3://bucket/key URL")
    bucket, key = source_url[5:].split("/", 1)
    head = source_s3.head_object(Bucket=bucket, Key=key)
    destination_key = copy_key(project, source_url, head["ETag"], head["ContentLength"])
    destination_bucket = staging_bucket(qualifier, target)
    s3 = target_s3(publishing_role(qualifier, target), target)
    if not _exists(s3, destination_bucket, destination_key, head["ContentLength"]):
        body = source_s3.get_object(Bucket=bucket, Key=key)["Body"]
        s3.upload_fileobj(body, destination_bucket, destination_key)
    return f"s3://{destination_bucket}/{destination_key}"


def _exists(s3: Any, bucket: str, key: str, size: int) -> bool:
    try:
        return s3.head_object(Bucket=bucket, Key=key)["ContentLength"] == size
    except Exception as error:  # noqa: BLE001 - botocore's ClientError without importing botocore
        if getattr(error, "response", {}).get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return False
        raise


def regional_containers(package: Mapping[str, Any], target: Target, project: str, qualifier: str, env: Mapping[str, str],
                        source_s3: Any, target_s3: Callable[[str, Target], Any]) -> List[Dict[str, Any]]:
    """The package's containers as the stage's region can serve them (copies made as needed)."""
    containers = (package.get("InferenceSpecification") or {}).get("Containers") or []
    if not containers:
        raise RegionalError(f"{target.stage}: model package {package.get('ModelPackageArn')} has no inference containers")
    result = []
    for container in containers:
        regional: Dict[str, Any] = {"Image": regional_image(container["Image"], target, env)}
        if container.get("ModelDataUrl"):
            regional["ModelDataUrl"] = copy_model_data(container["ModelDataUrl"], project, qualifier, target, source_s3, target_s3)
        if container.get("Environment"):
            regional["Environment"] = dict(container["Environment"])
        result.append(regional)
    return result


def default_target_s3(role_arn: str, target: Target) -> Any:  # pragma: no cover - needs AWS
    import boto3  # noqa: PLC0415

    credentials = boto3.client("sts").assume_role(RoleArn=role_arn, RoleSessionName=f"model-data-{target.stage}")["Credentials"]
    return boto3.client("s3", region_name=target.region, aws_access_key_id=credentials["AccessKeyId"],
                        aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"])


def qualifier(env: Mapping[str, str]) -> str:
    return (env.get("CDK_QUALIFIER") or os.environ.get("CDK_QUALIFIER") or "hnb659fds").strip()
