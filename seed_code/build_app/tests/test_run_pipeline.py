"""run-pipeline: environment, code upload, upsert, start, wait; with recording fakes and, when moto is present,
with real boto3 clients against moto's in-process SageMaker and S3."""
import json
import os

import pytest

from pipelines import run_pipeline as run
from pipelines.abalone import pipeline as p

ENV = {
    "SAGEMAKER_PROJECT_NAME": "demo",
    "SAGEMAKER_PROJECT_ID": "p-abc123",
    "MODEL_PACKAGE_GROUP_NAME": "demo-p-abc123",
    "AWS_REGION": "us-east-1",
    "SAGEMAKER_PIPELINE_NAME": "demo-build",
    "SAGEMAKER_PIPELINE_DESCRIPTION": "demo Model Build Pipeline",
    "SAGEMAKER_PIPELINE_ROLE_ARN": "arn:aws:iam::111111111111:role/service-role/sm-exec",
    "ARTIFACT_BUCKET": "mlops-demo-p-abc123-us-east-1",
    "ARTIFACT_BUCKET_KMS_ID": "key-1234",
}


class AWSError(Exception):
    """Shaped like botocore's ClientError: a `response` with the error code."""

    def __init__(self, code, message):
        super().__init__(f"An error occurred ({code}): {message}")
        self.response = {"Error": {"Code": code, "Message": message}}


class FakeClient:
    """Records calls; `results[op]` is a list of return values or exceptions, consumed in order."""

    def __init__(self, **results):
        self.calls = []
        self.results = {name: list(values) for name, values in results.items()}

    def __getattr__(self, operation):
        def call(**kwargs):
            self.calls.append((operation, kwargs))
            queue = self.results.get(operation)
            outcome = queue.pop(0) if queue else {}
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        return call

    def ops(self):
        return [name for name, _ in self.calls]

    def args(self, operation):
        return [kwargs for name, kwargs in self.calls if name == operation]


def sagemaker_fake(**overrides):
    results = {
        "describe_pipeline": [AWSError("ResourceNotFound", "Pipeline does not exist")],
        "create_pipeline": [{"PipelineArn": "arn:aws:sagemaker:us-east-1:111111111111:pipeline/demo-build"}],
        "update_pipeline": [{"PipelineArn": "arn:aws:sagemaker:us-east-1:111111111111:pipeline/demo-build"}],
        "start_pipeline_execution": [{"PipelineExecutionArn": "arn:aws:sagemaker:us-east-1:111111111111:pipeline/demo-build/execution/e1"}],
    }
    results.update(overrides)
    return FakeClient(**results)


def run_main(argv, sagemaker, s3=None, env=ENV, sleep=lambda seconds: None):
    s3 = s3 or FakeClient()
    return run.main(argv, env=env, clients=lambda region: (sagemaker, s3), sleep=sleep), s3


def test_settings_come_from_the_codebuild_environment():
    settings = run.settings_from_env(ENV)
    assert settings.pipeline_name == "demo-build", "SAGEMAKER_PIPELINE_NAME is honoured (the seed ignored it)"
    assert settings.kms_key_id == "key-1234"
    assert settings.tags == [
        {"Key": "sagemaker:project-name", "Value": "demo"},
        {"Key": "sagemaker:project-id", "Value": "p-abc123"},
    ]


def test_pipeline_name_and_description_have_defaults():
    env = dict(ENV, SAGEMAKER_PIPELINE_NAME="", SAGEMAKER_PIPELINE_DESCRIPTION=" ")
    del env["ARTIFACT_BUCKET_KMS_ID"]
    settings = run.settings_from_env(env)
    assert settings.pipeline_name == "demo-p-abc123"
    assert settings.description == "demo model build pipeline"
    assert settings.kms_key_id is None


def test_every_missing_variable_is_named_at_once():
    env = {key: value for key, value in ENV.items() if key not in {"AWS_REGION", "ARTIFACT_BUCKET"}}
    with pytest.raises(run.ConfigError) as caught:
        run.settings_from_env(env)
    assert "AWS_REGION" in str(caught.value) and "ARTIFACT_BUCKET" in str(caught.value)


def test_code_keys_change_with_the_content():
    assert run.code_key("pre", "evaluate", b"a") == run.code_key("pre", "evaluate", b"a")
    assert run.code_key("pre", "evaluate", b"a") != run.code_key("pre", "evaluate", b"b")
    assert run.code_key("pre", "evaluate", b"a").startswith("pre/code/")


def test_dry_run_prints_the_definition_and_calls_nothing(capsys):
    def no_clients(region):
        raise AssertionError("a dry run must not create AWS clients")

    assert run.main(["--dry-run"], env=ENV, clients=no_clients) == 0
    definition = json.loads(capsys.readouterr().out)
    assert definition["Version"] == "2020-12-01"
    assert [step["Name"] for step in definition["Steps"]][0] == p.STEP_PREPROCESS


def test_first_run_uploads_code_creates_with_tags_and_starts():
    sagemaker = sagemaker_fake()
    code, s3 = run_main([], sagemaker)
    assert code == 0
    assert sagemaker.ops() == ["describe_pipeline", "create_pipeline", "start_pipeline_execution"]
    (create,) = sagemaker.args("create_pipeline")
    assert create["PipelineName"] == "demo-build"
    assert create["RoleArn"] == ENV["SAGEMAKER_PIPELINE_ROLE_ARN"]
    assert create["Tags"] == run.settings_from_env(ENV).tags
    definition = json.loads(create["PipelineDefinition"])

    uploads = s3.args("put_object")
    assert sorted(os.path.basename(u["Key"]) for u in uploads) == ["evaluate.py", "preprocess.py"]
    for upload in uploads:
        assert upload["Bucket"] == ENV["ARTIFACT_BUCKET"]
        assert upload["ServerSideEncryption"] == "aws:kms" and upload["SSEKMSKeyId"] == "key-1234"
        script = os.path.basename(upload["Key"])[:-3]
        assert upload["Body"] == open(run.script_path(script), "rb").read()
        inputs = {s["Name"]: s for s in definition["Steps"]}[
            p.STEP_PREPROCESS if script == "preprocess" else p.STEP_EVALUATE]["Arguments"]["ProcessingInputs"]
        assert f"s3://{upload['Bucket']}/{upload['Key']}" in [i["S3Input"]["S3Uri"] for i in inputs]


def test_an_existing_pipeline_is_updated_and_retagged():
    sagemaker = sagemaker_fake(describe_pipeline=[{"PipelineArn": "arn:x"}])
    code, _ = run_main([], sagemaker)
    assert code == 0
    assert sagemaker.ops() == ["describe_pipeline", "update_pipeline", "add_tags", "start_pipeline_execution"]
    assert "Tags" not in sagemaker.args("update_pipeline")[0]
    assert sagemaker.args("add_tags")[0]["Tags"] == run.settings_from_env(ENV).tags


def test_a_pipeline_created_concurrently_is_updated_instead():
    sagemaker = sagemaker_fake(create_pipeline=[AWSError("ValidationException", "Pipeline demo-build already exists")])
    code, _ = run_main([], sagemaker)
    assert code == 0
    assert sagemaker.ops() == ["describe_pipeline", "create_pipeline", "update_pipeline", "add_tags", "start_pipeline_execution"]


def test_an_access_error_stops_the_run_with_its_code(capsys):
    sagemaker = sagemaker_fake(describe_pipeline=[AWSError("AccessDeniedException", "not allowed")])
    code, _ = run_main([], sagemaker)
    assert code == 1
    assert sagemaker.ops() == ["describe_pipeline"]
    assert "AccessDeniedException" in capsys.readouterr().err


def test_without_wait_the_run_returns_after_starting():
    sagemaker = sagemaker_fake()
    run_main([], sagemaker)
    assert "describe_pipeline_execution" not in sagemaker.ops()


@pytest.mark.parametrize("final, expected", [("Succeeded", 0), ("Failed", 1), ("Stopped", 1)])
def test_wait_follows_the_execution(final, expected):
    statuses = [{"PipelineExecutionStatus": s} for s in ("Executing", "Executing", final)]
    sagemaker = sagemaker_fake(describe_pipeline_execution=statuses)
    sleeps = []
    code, _ = run_main(["--wait"], sagemaker, sleep=sleeps.append)
    assert code == expected
    assert len(sleeps) == 2
    assert sagemaker.args("describe_pipeline_execution")[0]["PipelineExecutionArn"].endswith("/execution/e1")


def test_wait_gives_up_at_the_timeout():
    now = [0.0]
    sagemaker = FakeClient(describe_pipeline_execution=[{"PipelineExecutionStatus": "Executing"}] * 10)

    def sleep(seconds):
        now[0] += seconds

    status = run.wait_for_execution(sagemaker, "arn:e", timeout=60, poll=30, sleep=sleep, clock=lambda: now[0])
    assert status == "Executing"
    assert len(sagemaker.calls) == 3


def test_parameters_are_passed_to_the_execution():
    sagemaker = sagemaker_fake()
    code, _ = run_main(["--parameter", "MseThreshold=4.5", "--parameter", "TrainingInstanceType=ml.m5.2xlarge"], sagemaker)
    assert code == 0
    assert sagemaker.args("start_pipeline_execution")[0]["PipelineParameters"] == [
        {"Name": "MseThreshold", "Value": "4.5"},
        {"Name": "TrainingInstanceType", "Value": "ml.m5.2xlarge"},
    ]


@pytest.mark.parametrize("pair", ["Nope=1", "MseThreshold", "=3"])
def test_bad_parameters_fail_before_any_call(pair, capsys):
    def no_clients(region):
        raise AssertionError("must fail before creating clients")

    assert run.main(["--parameter", pair], env=ENV, clients=no_clients) == 2
    assert "--parameter" in capsys.readouterr().err


def test_against_moto(isolated_aws, need):
    moto = need("moto")
    boto3 = need("boto3")
    with moto.mock_aws():
        session = boto3.session.Session(region_name="us-east-1")
        s3 = session.client("s3")
        s3.create_bucket(Bucket=ENV["ARTIFACT_BUCKET"])
        sagemaker = session.client("sagemaker")
        env = dict(ENV)
        del env["ARTIFACT_BUCKET_KMS_ID"]  # moto's S3 would need the key to exist
        assert run.main([], env=env, clients=lambda region: (sagemaker, s3)) == 0
        assert run.main([], env=env, clients=lambda region: (sagemaker, s3)) == 0, "the second run updates"
        described = sagemaker.describe_pipeline(PipelineName="demo-build")
        assert json.loads(described["PipelineDefinition"])["Version"] == "2020-12-01"
        tags = sagemaker.list_tags(ResourceArn=described["PipelineArn"])["Tags"]
        assert {"Key": "sagemaker:project-id", "Value": "p-abc123"} in tags
        executions = sagemaker.list_pipeline_executions(PipelineName="demo-build")["PipelineExecutionSummaries"]
        assert len(executions) == 2
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket=ENV["ARTIFACT_BUCKET"])["Contents"]]
        assert sorted(os.path.basename(k) for k in keys) == ["evaluate.py", "preprocess.py"]
