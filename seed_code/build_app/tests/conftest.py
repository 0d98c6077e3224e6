"""Shared fixtures: pipeline settings, and a check of step arguments against the SageMaker API model."""
import os

import pytest

from pipelines.abalone.pipeline import PipelineSettings

EXPRESSION_KEYS = {"Get", "Std:Join", "Std:JsonGet"}


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true"}


def require(module: str):
    """Imports an optional test dependency: skips when it is missing, except under CI=true where it fails."""
    try:
        return __import__(module)
    except ImportError:
        if under_ci():
            pytest.fail(f"{module} is required under CI=true (scripts/ensure-tools installs it)")
        pytest.skip(f"{module} is not installed")


@pytest.fixture
def need():
    """`need("module")`: an optional test dependency, skipped when missing except under CI=true."""
    return require


@pytest.fixture
def isolated_aws(monkeypatch, tmp_path):
    """Fake credentials and no shared config, profile or endpoint override from the machine running the tests."""
    for key in list(os.environ):
        if key.startswith("AWS_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))


@pytest.fixture
def settings():
    return PipelineSettings(
        region="us-east-1",
        role_arn="arn:aws:iam::111111111111:role/service-role/sagemaker-execution",
        bucket="mlops-demo-p-abc123-us-east-1",
        model_package_group_name="demo-p-abc123",
        code_uris={
            "preprocess": "s3://mlops-demo-p-abc123-us-east-1/demo/code/aaaa/preprocess.py",
            "evaluate": "s3://mlops-demo-p-abc123-us-east-1/demo/code/bbbb/evaluate.py",
        },
        s3_prefix="demo-p-abc123",
        kms_key_id="1234abcd-12ab-34cd-56ef-1234567890ab",
    )


def _placeholder(shape):
    kind = shape.type_name
    if kind == "string":
        return "s3://placeholder/value"
    if kind in {"integer", "long"}:
        return max(1, int(shape.metadata.get("min", 1)))
    if kind in {"float", "double"}:
        return 1.0
    if kind == "boolean":
        return True
    pytest.fail(f"a pipeline expression stands where the API expects a {kind}")


def _resolve(value, shape):
    """Replaces run-time expressions with a value of the type the API shape expects, recursively."""
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in EXPRESSION_KEYS:
        return _placeholder(shape)
    if shape.type_name == "structure" and isinstance(value, dict):
        return {
            key: (_resolve(item, shape.members[key]) if key in shape.members else item) for key, item in value.items()
        }
    if shape.type_name == "list" and isinstance(value, list):
        return [_resolve(item, shape.member) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {key: _resolve(item, shape.value) for key, item in value.items()}
    return value


@pytest.fixture
def api_check():
    """`api_check(operation, arguments, **extra)` -> botocore's validation report text ('' when valid)."""
    botocore = require("botocore.session")  # __import__ returns the top-level package
    from botocore.validate import ParamValidator

    model = botocore.session.get_session().get_service_model("sagemaker")

    def check(operation, arguments, **extra):
        shape = model.operation_model(operation).input_shape
        params = _resolve(dict(arguments, **extra), shape)
        report = ParamValidator().validate(params, shape)
        return report.generate_report() if report.has_errors() else ""

    return check
