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
overridable with LOCAL_AWS_<STAGE>_ACCOUNT (e.g. LOCAL_AWS_DEV_ACCOUNT) or `--account dev=666666666666`.

Organization (--organization MEMBERS, default 0 = none): a fifth account, the management account (555555555555,
`--account management=ID`, profile `local-management`), creates an organization (all features) with
--organization-ous N units under the root (dev, preprod, prod, then ou-4, …) and MEMBERS accounts created in it and
moved round-robin into the units. Each member's OrganizationAccountAccessRole gets an allow-all inline policy (AWS
attaches AdministratorAccess; moto loads no managed policies). OUT/organization.json then describes it:
    {"managementAccount", "managementProfile", "organizationId", "rootId", "accessRole", "region",
     "ous": [{"id", "name", "accounts": [...]}]}
`--add-member OU_ID` (with --endpoint and --out of a set-up organization) creates one more member in that unit,
updates organization.json and prints the new account id on stdout; nothing else is changed.

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
MANAGEMENT = "management"
DEFAULT_ACCOUNTS = {"governance": "111111111111", "dev": "222222222222",
                    "preprod": "333333333333", "prod": "444444444444", MANAGEMENT: "555555555555"}
OU_NAMES = ["dev", "preprod", "prod"]
ACCESS_ROLE = "OrganizationAccountAccessRole"
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
    parser.add_argument("--organization", type=int, default=0, metavar="MEMBERS",
                        help="create an organization with this many member accounts (default 0: none)")
    parser.add_argument("--organization-ous", type=int, default=3, metavar="N",
                        help="organizational units under the root (default 3: dev, preprod, prod)")
    parser.add_argument("--add-member", metavar="OU_ID",
                        help="add one member account to this unit of the organization set up in --out")
    args = parser.parse_args(argv)
    if args.organization < 0 or args.organization_ous < 1:
        parser.error("--organization takes 0 or more members and --organization-ous 1 or more units")

    accounts = dict(DEFAULT_ACCOUNTS)
    for stage in STAGES + [MANAGEMENT]:
        accounts[stage] = os.environ.get(f"LOCAL_AWS_{stage.upper()}_ACCOUNT") or accounts[stage]
    for item in args.account:
        stage, _, account = item.partition("=")
        if stage not in STAGES + [MANAGEMENT]:
            parser.error(f"--account {item}: unknown stage {stage!r}; stages are {', '.join(STAGES)} (and {MANAGEMENT})")
        accounts[stage] = account
    for stage, account in accounts.items():
        if not re.fullmatch(r"[0-9]{12}", account):
            parser.error(f"account for {stage} is {account!r}; expected 12 digits")
    if args.organization and accounts[MANAGEMENT] in [accounts[stage] for stage in STAGES]:
        parser.error(f"--account {MANAGEMENT}={accounts[MANAGEMENT]}: the management account must differ from the stages'")
    args.accounts = accounts
    # The profiles to write: the stages, and the management account when there is an organization.
    args.profiles = STAGES + ([MANAGEMENT] if args.organization else [])
    regions = {stage: args.region for stage in STAGES + [MANAGEMENT]}
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
    for stage in keys:
        key_id, secret = keys[stage]
        credentials += [f"[{prefix}{stage}]", f"aws_access_key_id = {key_id}",
                        f"aws_secret_access_key = {secret}", ""]
        config += [f"[profile {prefix}{stage}]", f"region = {regions[stage]}", f"endpoint_url = {endpoint}", ""]
    os.makedirs(out, exist_ok=True)
    write_private(os.path.join(out, "credentials"), "\n".join(credentials))
    write_private(os.path.join(out, "config"), "\n".join(config))


def use_written_profiles(out):
    """Points boto3 at OUT's files alone, the way any SDK user would use them."""
    for name in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                 "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]:
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.path.join(out, "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(out, "credentials")


def verify(out, prefix, accounts, stages):
    """GetCallerIdentity through each written profile alone."""
    import boto3
    use_written_profiles(out)
    failures = 0
    for stage in stages:
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
    if args.add_member:
        return add_member(args, endpoint)
    if args.auth:
        reset_auth(endpoint, "inf")
    try:
        keys = {stage: create_key(endpoint, args.region, args.accounts[stage], args.auth) for stage in args.profiles}
    finally:
        if args.auth:
            reset_auth(endpoint, "0")
    write_files(args.out, args.profile_prefix, args.regions, endpoint, keys)
    log(f"wrote {os.path.join(args.out, 'config')} and {os.path.join(args.out, 'credentials')}")
    failures = verify(args.out, args.profile_prefix, args.accounts, args.profiles)
    if failures:
        log(f"{failures} profile(s) did not reach their account")
        return 1
    if args.organization:
        return set_up_organization(args, endpoint)
    return 0


# --- organization -----------------------------------------------------------------------------------------------

def organization_path(out):
    return os.path.join(out, "organization.json")


def management_session(args):
    import boto3
    use_written_profiles(args.out)
    return boto3.Session(profile_name=f"{args.profile_prefix}{MANAGEMENT}", region_name=args.regions[MANAGEMENT])


def grant_access_role(endpoint, args, accounts):
    """The allow-all inline policy AWS's AdministratorAccess stands for, on each member's access role (set-up only:
    the x-moto-account-id header, inside the auth window)."""
    import boto3
    iam = boto3.client("iam", endpoint_url=endpoint, region_name=args.region,
                       aws_access_key_id="setup", aws_secret_access_key="setup")
    target = {}
    iam.meta.events.register("before-sign.iam.*", lambda request, **_: request.headers.__setitem__(
        "x-moto-account-id", target["account"]))
    if args.auth:
        reset_auth(endpoint, "inf")
    try:
        for account in accounts:
            target["account"] = account
            iam.put_role_policy(RoleName=ACCESS_ROLE, PolicyName="AdministratorAccess", PolicyDocument=ALLOW_ALL)
    finally:
        if args.auth:
            reset_auth(endpoint, "0")


def create_member(organizations, name, root_id, unit_id):
    """CreateAccount (asynchronous in AWS: polled until it succeeds), then MoveAccount into the unit."""
    status = organizations.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]
    deadline = time.monotonic() + 60
    while status["State"] == "IN_PROGRESS" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = organizations.describe_create_account_status(
            CreateAccountRequestId=status["Id"])["CreateAccountStatus"]
    if status["State"] != "SUCCEEDED":
        raise RuntimeError(f"CreateAccount {name}: {status['State']} {status.get('FailureReason', '')}")
    account = status["AccountId"]
    organizations.move_account(AccountId=account, SourceParentId=root_id, DestinationParentId=unit_id)
    return account


def set_up_organization(args, endpoint):
    started = time.monotonic()
    organizations = management_session(args).client("organizations")
    organization = organizations.create_organization(FeatureSet="ALL")["Organization"]
    root_id = organizations.list_roots()["Roots"][0]["Id"]
    names = [OU_NAMES[i] if i < len(OU_NAMES) else f"ou-{i + 1}" for i in range(args.organization_ous)]
    units = [{"id": organizations.create_organizational_unit(ParentId=root_id, Name=name)["OrganizationalUnit"]["Id"],
              "name": name, "accounts": []} for name in names]
    for index in range(args.organization):
        unit = units[index % len(units)]
        unit["accounts"].append(create_member(organizations, f"member-{index + 1:02d}", root_id, unit["id"]))
    members = [account for unit in units for account in unit["accounts"]]
    grant_access_role(endpoint, args, members)
    document = {"managementAccount": organization["MasterAccountId"],
                "managementProfile": f"{args.profile_prefix}{MANAGEMENT}", "organizationId": organization["Id"],
                "rootId": root_id, "accessRole": ACCESS_ROLE, "region": args.regions[MANAGEMENT], "ous": units}
    with open(organization_path(args.out), "w") as handle:
        json.dump(document, handle, indent=1)
    failures = verify_member(args, document, members[0]) if members else 0
    log(f"organization {organization['Id']}: {len(members)} member(s) in {len(units)} unit(s) "
        f"({time.monotonic() - started:.1f} s); wrote {organization_path(args.out)}")
    return 1 if failures else 0


def verify_member(args, document, account):
    """A member reached as an operator would: AssumeRole into its access role with the management profile."""
    import boto3
    session = management_session(args)
    partition = session.client("sts").get_caller_identity()["Arn"].split(":")[1]
    credentials = session.client("sts").assume_role(
        RoleArn=f"arn:{partition}:iam::{account}:role/{document['accessRole']}",
        RoleSessionName="local-aws-setup")["Credentials"]
    identity = session.client("sts", aws_access_key_id=credentials["AccessKeyId"],
                              aws_secret_access_key=credentials["SecretAccessKey"],
                              aws_session_token=credentials["SessionToken"]).get_caller_identity()
    ok = identity["Account"] == account
    log(f"{'OK  ' if ok else 'FAIL'} member {account} via {document['accessRole']} -> {identity['Arn']}")
    return 0 if ok else 1


def add_member(args, endpoint):
    path = organization_path(args.out)
    try:
        with open(path) as handle:
            document = json.load(handle)
    except (OSError, ValueError) as error:
        log(f"--add-member: no organization in {args.out} ({error}); set one up with --organization first")
        return 2
    unit = next((u for u in document["ous"] if u["id"] == args.add_member), None)
    if unit is None:
        log(f"--add-member {args.add_member}: not a unit of {document['organizationId']}; "
            f"units: {', '.join(u['id'] + ' (' + u['name'] + ')' for u in document['ous'])}")
        return 2
    organizations = management_session(args).client("organizations")
    count = sum(len(u["accounts"]) for u in document["ous"])
    account = create_member(organizations, f"member-{count + 1:02d}", document["rootId"], unit["id"])
    grant_access_role(endpoint, args, [account])
    unit["accounts"].append(account)
    with open(path + ".tmp", "w") as handle:
        json.dump(document, handle, indent=1)
    os.replace(path + ".tmp", path)
    log(f"member {account} created in {unit['name']} ({unit['id']})")
    print(account)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one line, no traceback: botocore errors carry no secrets
        log(f"setup failed: {type(error).__name__}: {error}")
        sys.exit(1)
