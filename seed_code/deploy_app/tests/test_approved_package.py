"""The newest approved model package is picked, whatever order and paging the registry answers with."""
from datetime import datetime, timedelta, timezone

import pytest

from approved_package import NoApprovedPackageError, newest_approved_package

T0 = datetime(2024, 5, 1, tzinfo=timezone.utc)
GROUP = "demo-p-abc123"


def summary(version, hours, **extra):
    item = {
        "ModelPackageGroupName": GROUP,
        "ModelPackageVersion": version,
        "ModelPackageArn": f"arn:aws:sagemaker:us-east-1:111111111111:model-package/{GROUP}/{version}",
        "CreationTime": T0 + timedelta(hours=hours),
        "ModelPackageStatus": "Completed",
        "ModelApprovalStatus": "Approved",
    }
    item.update(extra)
    return item


class Registry:
    """Answers ListModelPackages from a list of pages and records the requests."""

    def __init__(self, *pages):
        self.pages = list(pages)
        self.requests = []

    def list_model_packages(self, **request):
        self.requests.append(request)
        index = len(self.requests) - 1
        page = {"ModelPackageSummaryList": self.pages[index]}
        if index + 1 < len(self.pages):
            page["NextToken"] = f"token-{index + 1}"
        return page


def test_asks_for_approved_packages_newest_first():
    registry = Registry([summary(2, 2), summary(1, 1)])
    assert newest_approved_package(registry, GROUP)["ModelPackageVersion"] == 2
    (request,) = registry.requests
    assert request == {"ModelPackageGroupName": GROUP, "ModelApprovalStatus": "Approved", "SortBy": "CreationTime",
                       "SortOrder": "Descending", "MaxResults": 100}


def test_an_ascending_answer_still_gives_the_newest():
    # What the seed met by default: oldest first. It deployed version 1.
    registry = Registry([summary(1, 1), summary(2, 2), summary(3, 3)])
    assert newest_approved_package(registry, GROUP)["ModelPackageVersion"] == 3


def test_every_page_is_read():
    registry = Registry([summary(1, 1), summary(2, 2)], [summary(4, 9)], [summary(3, 5)])
    assert newest_approved_package(registry, GROUP)["ModelPackageVersion"] == 4
    assert [r.get("NextToken") for r in registry.requests] == [None, "token-1", "token-2"]


def test_equal_times_fall_back_to_the_version():
    registry = Registry([summary(5, 1), summary(6, 1)])
    assert newest_approved_package(registry, GROUP)["ModelPackageVersion"] == 6


def test_packages_not_approved_or_not_completed_are_ignored():
    registry = Registry([summary(1, 1), summary(2, 2, ModelApprovalStatus="Rejected"),
                         summary(3, 3, ModelPackageStatus="InProgress")])
    assert newest_approved_package(registry, GROUP)["ModelPackageVersion"] == 1


def test_an_empty_group_is_an_error_naming_it_and_the_fix():
    with pytest.raises(NoApprovedPackageError) as caught:
        newest_approved_package(Registry([], []), GROUP)
    assert GROUP in str(caught.value) and "Approved" in str(caught.value)


def test_against_moto(isolated_aws, need):
    moto = need("moto")
    boto3 = need("boto3")
    with moto.mock_aws():
        sagemaker = boto3.session.Session(region_name="us-east-1").client("sagemaker")
        sagemaker.create_model_package_group(ModelPackageGroupName=GROUP)
        arns = []
        for _ in range(3):
            arns.append(sagemaker.create_model_package(
                ModelPackageGroupName=GROUP, ModelApprovalStatus="PendingManualApproval",
                InferenceSpecification={
                    "Containers": [{"Image": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                                    "ModelDataUrl": "s3://bucket/model.tar.gz"}],
                    "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"]},
            )["ModelPackageArn"])
        with pytest.raises(NoApprovedPackageError):
            newest_approved_package(sagemaker, GROUP)
        for arn in arns[:2]:
            sagemaker.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Approved")
        assert newest_approved_package(sagemaker, GROUP)["ModelPackageArn"] == arns[1]
        sagemaker.update_model_package(ModelPackageArn=arns[1], ModelApprovalStatus="Rejected")
        assert newest_approved_package(sagemaker, GROUP)["ModelPackageArn"] == arns[0], "rejecting rolls back"
