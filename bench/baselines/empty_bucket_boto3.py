"""Empties a versioned bucket the way users write it with boto3: list a page of versions and delete markers,
delete it with one DeleteObjects (≤1000 keys), repeat until the listing is empty.

Usage: python3 empty_bucket_boto3.py BUCKET   (credentials and endpoint from the usual AWS environment)

Each round lists from the start rather than following the page's markers: the marker names the last entry just
deleted, which AWS resolves as a position but moto treats as a version that must still exist (its listing then
ends early and leaves the rest). Listing from the start is correct on both.
"""

import sys

import boto3


def main():
    bucket = sys.argv[1]
    s3 = boto3.client("s3")
    deleted = 0
    while True:
        page = s3.list_object_versions(Bucket=bucket, MaxKeys=1000)
        objects = [{"Key": entry["Key"], "VersionId": entry["VersionId"]}
                   for entry in page.get("Versions", []) + page.get("DeleteMarkers", [])]
        if not objects:
            break
        response = s3.delete_objects(Bucket=bucket, Delete={"Objects": objects})
        if response.get("Errors"):
            sys.exit(f"could not delete {len(response['Errors'])} entries: {response['Errors'][:3]}")
        deleted += len(objects)
    print(f"deleted {deleted} versions and delete markers from s3://{bucket}")


if __name__ == "__main__":
    main()
