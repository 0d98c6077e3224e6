"""app.py end to end: environment, configs, package choice, and the files the deploy pipeline reads."""
import json
import shutil
from datetime import datetime, timezone

import app
from stage_config import STAGES

ENV = {
    "MODEL_PACKAGE_GROUP_NAME": "demo-p-abc123",
    "PROJECT_NAME": "demo",
    "PROJECT_ID": "p-abc123",
    "ARTIFACT_BUCKET": "mlops-demo-p-abc123-us-east-1",
    "ARTIFACT_BUCKET_KMS_ARN": "arn:aws:kms:us-east-1:111111111111:key/k",
    "AWS_REGION": "us-east-1",
}
ARN = "arn:aws:sagemaker:us-east-1:111111111111:model-package/demo-p-abc123/{}"


class Registry:
    def __init__(self, versions):
        self.versions = versions
        self.regions = []

    def __call__(self, region):
        self.regions.append(region)
        return self

    def list_model_packages(self, **request):
        return {"ModelPackageSummaryList": [
            {"ModelPackageArn": ARN.format(v), "ModelPackageVersion": v, "ModelApprovalStatus": "Approved",
             "ModelPackageStatus": "Completed", "CreationTime": datetime(2024, 1, v, tzinfo=timezone.utc)}
            for v in self.versions]}


def no_registry(region):
    raise AssertionError("must not call the registry")


def read(path):
    with open(path) as handle:
        return json.load(handle)


def test_renders_every_stage_for_the_newest_approved_package(tmp_path, capsys):
    registry = Registry([1, 3, 2])
    assert app.main(["--out-dir", str(tmp_path)], env=ENV, sagemaker_factory=registry) == 0
    assert registry.regions == ["us-east-1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{s}.template.json" for s in STAGES] + ["deployment.json"])
    for stage in STAGES:
        template = read(tmp_path / f"{stage}.template.json")
        assert template["Resources"]["Model"]["Properties"]["PrimaryContainer"]["ModelPackageName"] == ARN.format(3)
        assert template["Metadata"]["Stage"] == stage
    manifest = read(tmp_path / "deployment.json")
    assert manifest["modelPackageArn"] == ARN.format(3)
    assert manifest["stages"]["prod"]["endpointName"] == "demo-p-abc123-prod"
    assert manifest["stages"]["prod"]["config"]["initialInstanceCount"] >= 2
    assert "demo-p-abc123-dev" in capsys.readouterr().out


def test_a_pinned_package_skips_the_registry(tmp_path):
    env = dict(ENV, MODEL_PACKAGE_ARN=ARN.format(7))
    assert app.main(["--out-dir", str(tmp_path), "--stage", "dev"], env=env, sagemaker_factory=no_registry) == 0
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["deployment.json", "dev.template.json"]
    assert read(tmp_path / "deployment.json")["modelPackageArn"] == ARN.format(7)


def test_missing_environment_is_named_before_any_call(tmp_path, capsys):
    env = {k: v for k, v in ENV.items() if k not in {"PROJECT_ID", "ARTIFACT_BUCKET"}}
    assert app.main(["--out-dir", str(tmp_path)], env=env, sagemaker_factory=no_registry) == 2
    err = capsys.readouterr().err
    assert "PROJECT_ID" in err and "ARTIFACT_BUCKET" in err
    assert list(tmp_path.iterdir()) == []


def test_a_bad_stage_config_fails_before_any_call(tmp_path, config_dir, capsys):
    configs = tmp_path / "config"
    shutil.copytree(config_dir, configs)
    (configs / "preprod.json").write_text('{"instanceType": "ml.m5.large", "initialInstanceCount": 0, "variantName": "A"}')
    out = tmp_path / "out"
    code = app.main(["--out-dir", str(out), "--config-dir", str(configs)], env=ENV, sagemaker_factory=no_registry)
    assert code == 2
    assert "preprod.json" in capsys.readouterr().err
    assert not out.exists()


def test_no_approved_package_fails_with_the_fix(tmp_path, capsys):
    assert app.main(["--out-dir", str(tmp_path)], env=ENV, sagemaker_factory=Registry([])) == 1
    err = capsys.readouterr().err
    assert "demo-p-abc123" in err and "Approved" in err
    assert list(tmp_path.iterdir()) == []


def test_a_registry_error_is_one_line_and_exit_1(tmp_path, capsys):
    class Failing:
        def list_model_packages(self, **request):
            raise RuntimeError("AccessDenied: not allowed")

    assert app.main(["--out-dir", str(tmp_path)], env=ENV, sagemaker_factory=lambda region: Failing()) == 1
    err = capsys.readouterr().err.strip()
    assert "AccessDenied" in err and "\n" not in err
