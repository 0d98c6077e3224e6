"""Per-stage endpoint configuration: `config/<stage>.json`, described by `config/schema.json`.

The checks here are the schema's, written out by hand so the build needs no JSON-schema library; the tests run
both over the same documents to keep them in step. Errors name the file, the key path and the fix.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

STAGES = ("dev", "preprod", "prod")

INSTANCE_TYPE = re.compile(r"^ml\.[a-z0-9]+\.[a-z0-9]+$")
VARIANT_NAME = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")
S3_URI = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")

TOP_KEYS = {"instanceType", "initialInstanceCount", "variantName", "dataCapture"}
REQUIRED_KEYS = ("instanceType", "initialInstanceCount", "variantName")
CAPTURE_KEYS = {"enabled", "samplingPercentage", "destinationS3Uri"}


class StageConfigError(ValueError):
    """A stage configuration file is missing or does not match config/schema.json."""


@dataclass(frozen=True)
class DataCapture:
    enabled: bool
    sampling_percentage: int = 100
    destination_s3_uri: Optional[str] = None

    def to_json(self) -> Dict[str, Any]:
        document: Dict[str, Any] = {"enabled": self.enabled, "samplingPercentage": self.sampling_percentage}
        if self.destination_s3_uri:
            document["destinationS3Uri"] = self.destination_s3_uri
        return document


@dataclass(frozen=True)
class StageConfig:
    instance_type: str
    initial_instance_count: int
    variant_name: str
    data_capture: Optional[DataCapture] = None

    def to_json(self) -> Dict[str, Any]:
        """The document form (the file's keys), e.g. for digests and template metadata."""
        document: Dict[str, Any] = {
            "instanceType": self.instance_type,
            "initialInstanceCount": self.initial_instance_count,
            "variantName": self.variant_name,
        }
        if self.data_capture is not None:
            document["dataCapture"] = self.data_capture.to_json()
        return document


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def problems(document: Any) -> List[str]:
    """Every way `document` breaks the schema, as `key path: problem` strings (empty when valid)."""
    if not isinstance(document, dict):
        return ["(top level): must be a JSON object"]
    found = [f"{key}: unknown key; allowed: {', '.join(sorted(TOP_KEYS))}" for key in sorted(set(document) - TOP_KEYS)]
    found += [f"{key}: required" for key in REQUIRED_KEYS if key not in document]
    if "instanceType" in document:
        value = document["instanceType"]
        if not isinstance(value, str) or not INSTANCE_TYPE.match(value):
            found.append("instanceType: must be a SageMaker instance type such as ml.m5.large")
    if "initialInstanceCount" in document:
        value = document["initialInstanceCount"]
        if not _is_int(value) or not 1 <= value <= 100:
            found.append("initialInstanceCount: must be a whole number from 1 to 100")
    if "variantName" in document:
        value = document["variantName"]
        if not isinstance(value, str) or not VARIANT_NAME.match(value):
            found.append("variantName: letters, digits and inner hyphens, at most 63 characters")
    if "dataCapture" in document:
        found += _capture_problems(document["dataCapture"])
    return found


def _capture_problems(capture: Any) -> List[str]:
    if not isinstance(capture, dict):
        return ["dataCapture: must be a JSON object"]
    found = [f"dataCapture.{key}: unknown key; allowed: {', '.join(sorted(CAPTURE_KEYS))}"
             for key in sorted(set(capture) - CAPTURE_KEYS)]
    if not isinstance(capture.get("enabled"), bool):
        found.append("dataCapture.enabled: required, true or false")
    if "samplingPercentage" in capture:
        value = capture["samplingPercentage"]
        if not _is_int(value) or not 1 <= value <= 100:
            found.append("dataCapture.samplingPercentage: must be a whole number from 1 to 100")
    if "destinationS3Uri" in capture:
        value = capture["destinationS3Uri"]
        if not isinstance(value, str) or not S3_URI.match(value):
            found.append("dataCapture.destinationS3Uri: must look like s3://bucket/prefix")
    elif capture.get("enabled") is True:
        found.append("dataCapture.destinationS3Uri: required when enabled is true")
    return found


def parse(document: Any, source: str = "<config>") -> StageConfig:
    """A validated document -> StageConfig; raises StageConfigError listing every problem."""
    found = problems(document)
    if found:
        raise StageConfigError(f"{source}: {'; '.join(found)} (see config/schema.json)")
    capture = document.get("dataCapture")
    return StageConfig(
        instance_type=document["instanceType"],
        initial_instance_count=document["initialInstanceCount"],
        variant_name=document["variantName"],
        data_capture=None if capture is None else DataCapture(
            enabled=capture["enabled"],
            sampling_percentage=capture.get("samplingPercentage", 100),
            destination_s3_uri=capture.get("destinationS3Uri"),
        ),
    )


def config_path(config_dir: str, stage: str) -> str:
    if stage not in STAGES:
        raise StageConfigError(f"unknown stage '{stage}'; stages are {', '.join(STAGES)}")
    return os.path.join(config_dir, f"{stage}.json")


def load(config_dir: str, stage: str) -> StageConfig:
    """Reads and validates `<config_dir>/<stage>.json`. A missing file is an error, never a silent default."""
    path = config_path(config_dir, stage)
    try:
        with open(path) as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise StageConfigError(f"{path}: not found; every stage ({', '.join(STAGES)}) needs its own file") from None
    except json.JSONDecodeError as error:
        raise StageConfigError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    return parse(document, source=path)


def load_all(config_dir: str, stages=STAGES) -> Dict[str, StageConfig]:
    return {stage: load(config_dir, stage) for stage in stages}
