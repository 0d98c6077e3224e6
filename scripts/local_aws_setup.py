#!/usr/bin/env python3
"""Turn a running moto_server into four emulated AWS accounts and write profiles for them.

For each stage it creates (or re-keys) IAM user `mlopsctl` in that stage's account, writes
OUT/credentials and OUT/config with one profile per stage (`local-<stage>`, with `region` and
`endpoint_url`), then proves each profile with STS GetCallerIdentity using only those files.
Every profile gets --region (default us-east-1) unless `--stage-region STAGE=REGION` gives that stage its own,
as a topology with stages in different regions needs (the AWS CLI then works in each stage's region).

Used by `scripts/local-aws start` and by the Swift test harness (Sources/TestSupport/Emulator.swift):
    python3 scripts/local_aws_setup.py --endpoint http://127.0.0.1:PORT --out DIR [--auth]
Prints progress to stderr; never prints a secret. Exit 0 = every profile verified.

Accounts: governance 111111111111, dev 222222222222, preprod 333333333333, prod 444444444444,
overridable with LOCAL_AWS_<STAGE>_ACCOUNT (e.g. LOCAL_AWS_DEV_ACCOUNT) or `--account dev=555555555555`.

Auth mode (--auth): the server runs with INITIAL_NO_AUTH_ACTION_COUNT=0, i.e. it verifies every SigV4
signature and IAM permission from the first request. Counting our own unauthenticated setup calls
(create user, list/delete old keys, put policy, create key, per account) is fragile because reruns
delete a varying number of keys, so instead we open the window explicitly: POST /moto-api/reset-auth
with body `inf` before the setup calls and `0` after them (reset-auth also zeroes moto's counter).
Each user gets an allow-all inline policy, because in auth mode moto also evaluates IAM policies.
"""
import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request

STAGES = ["governance", "dev", "preprod", "prod"]
DEFAULT_ACCOUNTS = {"governance": "111111111111", "dev": "222222222222",
                    "preprod": "333333333333", "prod": "444444444444"}
USER = "mlopsctl"
ALLOW_ALL = json.dumps({"Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def log(message):
    print(f"local-aws: {message}", file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--endpoint", required=True, help="moto_server URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--out", required=True, help="directory for the credentials and config files")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--profile-prefix", default="local-")
    parser.add_argument("--account", action="append", default=[], metavar="STAGE=ID",
                        help="override one stage's account id (repeatable)")
    parser.add_argument("--stage-region", action="append", default=[], metavar="STAGE=REGION",
                        help="one stage's profile region (repeatable; default --region)")
    parser.add_argument("--auth", action="store_true", help="server verifies signatures (see module doc)")
    parser.add_argument("--wait", type=float, default=20.0, help="seconds to wait for the server to answer")
    args = parser.parse_args(argv)

    accounts = dict(DEFAULT_ACCOUNTS)
    for stage in STAGES:
        accounts[stage] = os.environ.get(f"LOCAL_AWS_{stage.upper()}_ACCOUNT") or accounts[stage]
    for item in args.account:
        stage, _, account = item.partition("=")
        if stage not in STAGES:
            parser.error(f"--account {item}: unknown stage {stage!r}; stages are {', '.join(STAGES)}")
        accounts[stage] = account
    for stage, account in accounts.items():
        if not re.fullmatch(r"[0-9]{12}", account):
            parser.error(f"account for {stage} is {account!r}; expected 12 digits")
    args.accounts = accounts
    regions = {stage: args.region for stage in STAGES}
    for item in args.stage_region:
        stage, _, region = item.partition("=")
        if stage not in STAGES:
            parser.error(f"--stage-region {item}: unknown stage {stage!r}; stages are {', '.join(STAGES)}")
        if not re.fullmatch(r"[a-z]{2}(-[a-z]+)+-[0-9]+", region):
            parser.error(f"--stage-region {item}: {region!r} is not a region name such as eu-west-1")
        regions[stage] = region
    args.regions = regions
    return args


def wait_until_ready(endpoint, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/data.json", timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            if time.monotonic() > deadline:
                raise SystemExit(f"local-aws: {endpoint} did not answer within {seconds:.0f}s ({error})")
            time.sleep(0.1)


def reset_auth(endpoint, count):
    """Sets moto's remaining unauthenticated-call allowance (`inf` or `0`) and zeroes its counter."""
    # text/plain: with urllib's default form content type, Flask hands moto an empty body.
    request = urllib.request.Request(f"{endpoint}/moto-api/reset-auth", data=count.encode(), method="POST",
                                     headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(request, timeout=5).read()


def iam_for_account(endpoint, region, account):
    """An IAM client whose calls land in `account`: the x-moto-account-id header is used only here."""
    import boto3
    client = boto3.client("iam", endpoint_url=endpoint, region_name=region,
                          aws_access_key_id="setup", aws_secret_access_key="setup")

    def add_header(request, **_):
        request.headers["x-moto-account-id"] = account
    client.meta.events.register("before-sign.iam.*", add_header)
    return client


def create_key(endpoint, region, account, auth):
    iam = iam_for_account(endpoint, region, account)
    try:
        iam.create_user(UserName=USER)
    except iam.exceptions.EntityAlreadyExistsException:
        pass
    # moto allows two keys per user, so a rerun deletes the old ones (old profiles stop working).
    for key in iam.list_access_keys(UserName=USER)["AccessKeyMetadata"]:
        iam.delete_access_key(UserName=USER, AccessKeyId=key["AccessKeyId"])
    if auth:
        iam.put_user_policy(UserName=USER, PolicyName="allow-all", PolicyDocument=ALLOW_ALL)
    key = iam.create_access_key(UserName=USER)["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


def write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def write_files(out, prefix, regions, endpoint, keys):
    credentials, config = [], []
    for stage in STAGES:
        key_id, secret = keys[stage]
        credentials += [f"[{prefix}{stage}]", f"aws_access_key_id = {key_id}",
                        f"aws_secret_access_key = {secret}", ""]
        config += [f"[profile {prefix}{stage}]", f"region = {regions[stage]}", f"endpoint_url = {endpoint}", ""]
    os.makedirs(out, exist_ok=True)
    write_private(os.path.join(out, "credentials"), "\n".join(credentials))
    write_private(os.path.join(out, "config"), "\n".join(config))


def verify(out, prefix, accounts):
    """GetCallerIdentity through each written profile alone, the way any SDK user would call it."""
    import boto3
    for name in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                 "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]:
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.path.join(out, "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(out, "credentials")
    failures = 0
    for stage in STAGES:
        profile = f"{prefix}{stage}"
        identity = boto3.Session(profile_name=profile).client("sts").get_caller_identity()
        ok = identity["Account"] == accounts[stage]
        failures += 0 if ok else 1
        log(f"{'OK  ' if ok else 'FAIL'} {profile:<20} -> {identity['Account']} {identity['Arn']}")
    return failures


def main(argv):
    args = parse_args(argv)
    endpoint = args.endpoint.rstrip("/")
    wait_until_ready(endpoint, args.wait)
    if args.auth:
        reset_auth(endpoint, "inf")
    try:
        keys = {stage: create_key(endpoint, args.region, args.accounts[stage], args.auth) for stage in STAGES}
    finally:
        if args.auth:
            reset_auth(endpoint, "0")
    write_files(args.out, args.profile_prefix, args.regions, endpoint, keys)
    log(f"wrote {os.path.join(args.out, 'config')} and {os.path.join(args.out, 'credentials')}")
    failures = verify(args.out, args.profile_prefix, args.accounts)
    if failures:
        log(f"{failures} profile(s) did not reach their account")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one line, no traceback: botocore errors carry no secrets
        log(f"setup failed: {type(error).__name__}: {error}")
        sys.exit(1)
