"""Finds the model package to deploy: the newest *Approved* package in the project's model package group.

The seed took the first result of ListModelPackages without a SortOrder. The documented default order is
Ascending, so the seed deployed the *oldest* approved package. Here the request asks for CreationTime Descending,
and every page is still scanned for the newest creation time, so the answer does not depend on the server's order.
Approving a new version deploys it. Rejecting the newest one rolls back to the previous approved version.
"""
from __future__ import annotations

from typing import Any, Dict, Optional


class NoApprovedPackageError(LookupError):
    """The group holds no approved, completed model package."""


def _usable(summary: Dict[str, Any]) -> bool:
    # Defensive: the request already filters on Approved; a package still being created cannot be deployed.
    return (summary.get("ModelApprovalStatus", "Approved") == "Approved"
            and summary.get("ModelPackageStatus", "Completed") == "Completed")


def _order(summary: Dict[str, Any]):
    return (summary["CreationTime"], summary.get("ModelPackageVersion", 0))


def newest_approved_package(sagemaker: Any, group_name: str) -> Dict[str, Any]:
    """The ListModelPackages summary of the newest approved package in `group_name`."""
    request: Dict[str, Any] = {
        "ModelPackageGroupName": group_name,
        "ModelApprovalStatus": "Approved",
        "SortBy": "CreationTime",
        "SortOrder": "Descending",
        "MaxResults": 100,
    }
    newest: Optional[Dict[str, Any]] = None
    while True:
        page = sagemaker.list_model_packages(**request)
        for summary in page.get("ModelPackageSummaryList", []):
            if _usable(summary) and (newest is None or _order(summary) > _order(newest)):
                newest = summary
        token = page.get("NextToken")
        if not token:
            break
        request["NextToken"] = token
    if newest is None:
        raise NoApprovedPackageError(
            f"no Approved model package in group '{group_name}'; approve one in the SageMaker model registry "
            "(Studio, or `aws sagemaker update-model-package --model-approval-status Approved`) and run again"
        )
    return newest
