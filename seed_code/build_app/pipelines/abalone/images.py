"""Where the built-in SageMaker XGBoost container lives in each region.

The SageMaker Python SDK resolves this through its own tables; we keep the one table we need so that building the
pipeline definition needs no SDK. Override with `XGBOOST_IMAGE_URI` (see run_pipeline.py) for a region missing here
or for a private copy of the image.
"""
from __future__ import annotations

XGBOOST_VERSION = "1.7-1"

# AWS accounts that publish `sagemaker-xgboost` (the same registries serve versions 0.90-1 to 2.1-0).
_XGBOOST_REGISTRIES = {
    "af-south-1": "510948584623",
    "ap-east-1": "651117190479",
    "ap-northeast-1": "354813040037",
    "ap-northeast-2": "366743142698",
    "ap-northeast-3": "867004704886",
    "ap-south-1": "720646828776",
    "ap-south-2": "628508329040",
    "ap-southeast-1": "121021644041",
    "ap-southeast-2": "783357654285",
    "ap-southeast-3": "951798379941",
    "ap-southeast-4": "106583098589",
    "ca-central-1": "341280168497",
    "ca-west-1": "190319476487",
    "cn-north-1": "450853457545",
    "cn-northwest-1": "451049120500",
    "eu-central-1": "492215442770",
    "eu-central-2": "680994064768",
    "eu-north-1": "662702820516",
    "eu-south-1": "978288397137",
    "eu-south-2": "104374241257",
    "eu-west-1": "141502667606",
    "eu-west-2": "764974769150",
    "eu-west-3": "659782779980",
    "il-central-1": "898809789911",
    "me-central-1": "272398656194",
    "me-south-1": "801668240914",
    "sa-east-1": "737474898029",
    "us-east-1": "683313688378",
    "us-east-2": "257758044811",
    "us-gov-east-1": "237065988967",
    "us-gov-west-1": "414596584902",
    "us-west-1": "746614075791",
    "us-west-2": "246618743249",
}


class UnknownRegionError(ValueError):
    """The region has no known XGBoost registry."""


def supported_regions() -> list:
    """The regions `xgboost_image_uri` knows, sorted."""
    return sorted(_XGBOOST_REGISTRIES)


def ecr_domain(region: str) -> str:
    """ECR's DNS suffix: the China regions live under amazonaws.com.cn."""
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def xgboost_image_uri(region: str, version: str = XGBOOST_VERSION) -> str:
    """The built-in XGBoost image for `region`, e.g.
    `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1`."""
    account = _XGBOOST_REGISTRIES.get(region)
    if account is None:
        raise UnknownRegionError(
            f"no SageMaker XGBoost registry known for region '{region}'; "
            f"set XGBOOST_IMAGE_URI to the image to use (known regions: {', '.join(supported_regions())})"
        )
    return f"{account}.dkr.ecr.{region}.{ecr_domain(region)}/sagemaker-xgboost:{version}"
