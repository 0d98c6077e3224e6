#!/usr/bin/env python3
"""After `mlopsctl teardown --all`: is everything mlopsctl created gone, and is everyone else's still there?

    check-nothing-left.py plant --manifest FILE          before bootstrap: create resources "someone else" owns
    check-nothing-left.py check --manifest FILE [--foreign STAGE:KIND:ID]...
                                                        after teardown: the final check

Both read the topology at $MLOPSCTL_TOPOLOGY (or --topology) for each stage's account, profile and region, and
use the AWS profiles the way any SDK user would (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE; on the local
emulator `scripts/local-aws start` exports them). `check` also reads the ledger at $MLOPSCTL_LEDGER (or --ledger)
straight from SQLite, read-only, so it does not trust mlopsctl's own reporting.

Every account is looked at in every region the topology uses (stages may live in different regions, and mlopsctl
puts some things in a stage's account in another stage's region). `plant` creates the foreign resources in each of
those regions and records what exists there (the baseline); `check` then also reports anything that exists now in
any of them and did not before, whether or not the ledger knows it ("new since planting"), except the `--foreign`
resources and KMS keys pending deletion.

`check` lists, in every account of the topology: CloudFormation stacks (not DELETE_COMPLETE), S3 buckets and the
objects mlopsctl uploaded, IAM roles and customer-managed/inline policies, SSM parameters, ECR repositories,
SageMaker endpoints, endpoint configs, models and model package groups, KMS keys and aliases, EventBridge rules.
Every ledger row mlopsctl created (ownership `created`, not inside a stack it adopted) whose id is still among
them is reported as left, whatever status the ledger gives it. KMS keys count as gone when PendingDeletion (AWS
never deletes a key at once). Rows of kind `other` are EventBridge rules (launch-project) or promotion records
(promote; not AWS resources, skipped). Rows of kinds it cannot list are named as unchecked. Nothing is excused.
The planted resources (and each `--foreign`) must still exist, unchanged. It prints one compact table (kinds × accounts) and exits 1 with
the list of problems when anything is left or missing; 2 on bad input.

Organization members (what `bootstrap --org` deploys through stack sets; no ledger rows, no planting):
    check-nothing-left.py members --members-from organization.json [--member ID]... [--region R]...
    check-nothing-left.py check --manifest FILE --members-from organization.json      (both checks)
reads the organization file `scripts/local_aws_setup.py --organization` writes (management profile, access role,
units and their accounts) and reaches each member (or each `--member`) as an operator would: AssumeRole into
arn:<partition>:iam::<member>:role/<accessRole> with the management profile's credentials. Anything of these in a
member is reported as left: CloudFormation stacks (not DELETE_COMPLETE), S3 buckets, IAM roles named cdk-*, KMS
keys not pending deletion, SSM parameters under /cdk-bootstrap. Regions: each --region, else the organization's
(with `check`: the topology's regions as well).
"""
import argparse
import json
import os
import sqlite3
import sys
import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import boto3
import yaml
from botocore.exceptions import ClientError

STAGES = ["governance", "dev", "preprod", "prod"]
# What the planted resources say, so the check can tell "untouched" from "re-created".
MARKER = "owned by the data platform team, not by mlopsctl"


def fail_input(message):
    print(f"check-nothing-left: {message}", file=sys.stderr)
    sys.exit(2)


def load_topology(path):
    if not path:
        fail_input("no topology: set MLOPSCTL_TOPOLOGY or pass --topology")
    try:
        with open(path) as handle:
            document = yaml.safe_load(handle)
        default_region = document.get("region")
        return {stage: {"stage": stage, "account": str(spec["account"]), "profile": spec["profile"],
                        "region": spec.get("region") or default_region}
                for stage, spec in document["stages"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        fail_input(f"{path}: cannot read the stages' accounts and profiles ({error}); fix the topology file")


def session(stage_spec):
    return boto3.Session(profile_name=stage_spec["profile"], region_name=stage_spec["region"])


# --- plant ----------------------------------------------------------------------------------------------------

def foreign_stack_template(account, role):
    # Names that look like mlopsctl's (mlops-…): teardown must go by the ledger, never by a name pattern.
    return json.dumps({
        "Resources": {
            "Owner": {"Type": "AWS::SSM::Parameter",
                      "Properties": {"Name": "/mlops/legacy/owner", "Type": "String", "Value": MARKER}},
            "AppRole": {"Type": "AWS::IAM::Role", "Properties": {
                "RoleName": role,
                "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                    "Action": "sts:AssumeRole"}]}}},
        }
    })


def regions_of(topology):
    """Every region a stage of the topology lives in, sorted."""
    return sorted({spec["region"] for spec in topology.values()})


def account_specs(topology):
    """(account, stages, spec) per account, in topology order."""
    accounts = []
    for stage in STAGES:
        spec = topology[stage]
        known = next((a for a in accounts if a[0] == spec["account"]), None)
        if known:
            known[1].append(stage)
        else:
            accounts.append((spec["account"], [stage], spec))
    return accounts


def plant(topology, manifest_path):
    """Creates, in each account and each region of the topology, a bucket with an object, a stack (parameter + role)
    and a KMS key; then records what exists in each account and region (the baseline)."""
    planted = []
    for account, stages, spec in account_specs(topology):
        for region in regions_of(topology):
            aws = session(dict(spec, region=region))
            bucket = f"mlops-legacy-data-{account}-{region}"
            s3 = aws.client("s3")
            if region == "us-east-1":
                s3.create_bucket(Bucket=bucket)
            else:
                s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
            s3.put_object(Bucket=bucket, Key="reports/owner.txt", Body=MARKER.encode())
            stack, role = "mlops-legacy-app", f"mlops-legacy-app-{region}"  # IAM is global: one role name per region
            aws.client("cloudformation").create_stack(StackName=stack, TemplateBody=foreign_stack_template(account, role),
                                                      Capabilities=["CAPABILITY_NAMED_IAM"])
            key = aws.client("kms").create_key(Description=MARKER)["KeyMetadata"]["KeyId"]
            base = {"stage": stages[0], "account": account, "region": region}
            planted += [
                dict(base, kind="bucket", id=bucket),
                dict(base, kind="object", id=f"{bucket}/reports/owner.txt"),
                dict(base, kind="stack", id=stack),
                dict(base, kind="ssmParameter", id="/mlops/legacy/owner", expect=MARKER),
                dict(base, kind="iamRole", id=role),
                dict(base, kind="kmsKey", id=key),
            ]
            print(f"  {'/'.join(stages):<10} {account} {region:<15}: bucket {bucket} (+ reports/owner.txt), stack {stack} "
                  f"(/mlops/legacy/owner, role {role}), KMS key {key}")
    baseline = {}
    for account, _, spec in account_specs(topology):
        for region in regions_of(topology):
            inventory = Inventory(dict(spec, region=region))
            baseline[f"{account}|{region}"] = {kind: sorted(ids) for kind, ids in inventory.primary.items()}
    with open(manifest_path, "w") as handle:
        json.dump({"planted": planted, "baseline": baseline}, handle, indent=1)


# --- inventory ------------------------------------------------------------------------------------------------

def pages(client, operation, key, **kwargs):
    for page in client.get_paginator(operation).paginate(**kwargs):
        yield from page.get(key, [])


class Inventory:
    """What exists in one account and region: kind → set of every name, id and ARN it goes by."""

    def __init__(self, spec):
        self.spec, self.aws = spec, session(spec)
        self.ids = defaultdict(set)
        self.primary = defaultdict(set)  # one name per resource (the first one given)
        self.count = defaultdict(int)  # resources per kind (ids holds several names for each)
        self.key_states = {}
        self.stack_status = {}
        self.ssm_values = {}
        self.load()

    def add(self, kind, *names):
        self.ids[kind].update(name for name in names if name)
        self.primary[kind].add(names[0])
        self.count[kind] += 1

    def add_each(self, kind, names):
        for name in names:
            self.add(kind, name)

    def load(self):
        aws = self.aws
        cfn = aws.client("cloudformation")
        for stack in pages(cfn, "list_stacks", "StackSummaries"):
            if stack["StackStatus"] != "DELETE_COMPLETE":
                self.add("stack", stack["StackName"], stack["StackId"])
                self.stack_status[stack["StackName"]] = stack["StackStatus"]
        self.add_each("bucket", (b["Name"] for b in aws.client("s3").list_buckets().get("Buckets", [])))
        iam = aws.client("iam")
        for role in pages(iam, "list_roles", "Roles"):
            self.add("iamRole", role["RoleName"], role["Arn"])
            self.add_each("iamPolicy", pages(iam, "list_role_policies", "PolicyNames", RoleName=role["RoleName"]))
        for policy in pages(iam, "list_policies", "Policies", Scope="Local"):
            self.add("iamPolicy", policy["PolicyName"], policy["Arn"])
        for user in pages(iam, "list_users", "Users"):
            self.add_each("iamPolicy", pages(iam, "list_user_policies", "PolicyNames", UserName=user["UserName"]))
        for parameter in pages(aws.client("ssm"), "describe_parameters", "Parameters"):
            self.add("ssmParameter", parameter["Name"])
        for repository in pages(aws.client("ecr"), "describe_repositories", "repositories"):
            self.add("ecrRepository", repository["repositoryName"], repository["repositoryArn"],
                     repository["repositoryUri"])
        sagemaker = aws.client("sagemaker")
        for item in pages(sagemaker, "list_endpoints", "Endpoints"):
            self.add("endpoint", item["EndpointName"], item["EndpointArn"])
        for item in pages(sagemaker, "list_endpoint_configs", "EndpointConfigs"):
            self.add("endpointConfig", item["EndpointConfigName"], item["EndpointConfigArn"])
        for item in pages(sagemaker, "list_models", "Models"):
            self.add("model", item["ModelName"], item["ModelArn"])
        for item in pages(sagemaker, "list_model_package_groups", "ModelPackageGroupSummaryList"):
            self.add("modelPackageGroup", item["ModelPackageGroupName"], item["ModelPackageGroupArn"])
        kms = aws.client("kms")
        for key in pages(kms, "list_keys", "Keys"):
            state = kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["KeyState"]
            self.key_states[key["KeyId"]] = self.key_states[key["KeyArn"]] = state
            self.add("kmsKey", key["KeyId"], key["KeyArn"])
        for alias in pages(kms, "list_aliases", "Aliases"):
            if not alias["AliasName"].startswith("alias/aws/"):
                self.add("kmsAlias", alias["AliasName"], alias.get("AliasArn"))
        for rule in pages(aws.client("events"), "list_rules", "Rules"):
            self.add("eventsRule", rule["Name"], rule["Arn"])

    def exists(self, kind, identifier):
        """True, False, or None when this kind cannot be listed here."""
        if kind == "objectPrefix" or kind == "object":
            bucket, _, key = identifier.partition("/")
            if bucket not in self.ids["bucket"]:
                return False
            listing = self.aws.client("s3").list_objects_v2(Bucket=bucket, Prefix=key, MaxKeys=1)
            return listing.get("KeyCount", 0) > 0
        if kind == "other":  # launch-project records its EventBridge rules as `other`
            return identifier in self.ids["eventsRule"]
        if kind not in CHECKED_KINDS:
            return None
        return identifier in self.ids[kind]

    def object_body(self, identifier):
        bucket, _, key = identifier.partition("/")
        try:
            return self.aws.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read().decode()
        except ClientError:
            return None

    def ssm_value(self, name):
        try:
            return self.aws.client("ssm").get_parameter(Name=name)["Parameter"]["Value"]
        except ClientError:
            return None


CHECKED_KINDS = ["stack", "bucket", "objectPrefix", "iamRole", "iamPolicy", "ssmParameter", "ecrRepository",
                 "endpoint", "endpointConfig", "model", "modelPackageGroup", "kmsKey", "kmsAlias", "other"]


# --- check ----------------------------------------------------------------------------------------------------

def ledger_rows(path):
    if not path or not os.path.exists(path):
        fail_input(f"no ledger at {path!r}: set MLOPSCTL_LEDGER or pass --ledger")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    rows = [dict(row) for row in connection.execute(
        "SELECT id, stage, account, region, kind, physicalId, logicalId, stack, ownership, status FROM resource")]
    connection.close()
    adopted_stacks = {(r["account"], r["region"], r["physicalId"]) for r in rows
                      if r["kind"] == "stack" and r["ownership"] == "adopted"}
    # `promote` keeps what it put live as a row of kind `other`, logical id `Promotion`: a record, not a resource.
    mine = [r for r in rows if r["ownership"] == "created" and r["physicalId"]
            and (r["account"], r["region"], r["stack"]) not in adopted_stacks
            and not (r["kind"] == "other" and r["logicalId"] == "Promotion")]
    return mine, len(rows)


def verify_foreign(item, inventory):
    """None when the planted resource is there as planted, else what is wrong with it."""
    kind, identifier = item["kind"], item["id"]
    if kind == "object":
        body = inventory.object_body(identifier)
        return None if body == MARKER else ("gone" if body is None else "content changed")
    if not inventory.exists(kind, identifier):
        return "gone"
    if kind == "stack" and inventory.stack_status.get(identifier) not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        return f"stack status {inventory.stack_status.get(identifier)}"
    if kind == "kmsKey" and inventory.key_states.get(identifier) != "Enabled":
        return f"key state {inventory.key_states.get(identifier)}"
    if kind == "ssmParameter" and "expect" in item and inventory.ssm_value(identifier) != item["expect"]:
        return "value changed"
    return None


def check(topology, ledger_path, manifest_path, extra_foreign):
    rows, total_rows = ledger_rows(ledger_path)
    with open(manifest_path) as handle:
        manifest = json.load(handle)
    foreign, baseline = list(manifest["planted"]), manifest["baseline"]
    by_stage = {spec["stage"]: spec for spec in topology.values()}
    for text in extra_foreign:
        stage, kind, identifier = (text.split(":", 2) + ["", ""])[:3]
        if stage not in by_stage or not kind or not identifier:
            fail_input(f"--foreign {text!r}: expected STAGE:KIND:ID with a stage of the topology")
        spec = by_stage[stage]
        foreign.append({"stage": stage, "account": spec["account"], "region": spec["region"], "kind": kind, "id": identifier})

    accounts = account_specs(topology)
    regions = regions_of(topology)
    inventories = {}  # (account, region) → Inventory
    def inventory(account, region):
        if (account, region) not in inventories:
            spec = next(a[2] for a in accounts if a[0] == account)
            inventories[(account, region)] = Inventory(dict(spec, region=region))
        return inventories[(account, region)]

    problems = []
    recorded, left, pending, unchecked, new = (Counter() for _ in range(5))
    for row in rows:
        if row["account"] not in {a[0] for a in accounts}:
            problems.append(f"ledger row {row['id']} is in account {row['account']}, which the topology does not list")
            continue
        kind, cell = row["kind"], (row["kind"], row["account"])
        recorded[cell] += 1
        here = inventory(row["account"], row["region"])
        found = here.exists(kind, row["physicalId"])
        if found is None:
            unchecked[cell] += 1
        elif found and kind == "kmsKey" and here.key_states.get(row["physicalId"]) == "PendingDeletion":
            pending[cell] += 1
        elif found:
            left[cell] += 1
            problems.append(f"left: {kind} {row['physicalId']} in {row['stage']} {row['account']} {row['region']} "
                            f"(ledger row {row['id']} says {row['status']})")
    foreign_ok, foreign_all = Counter(), Counter()
    for item in foreign:
        foreign_all[item["account"]] += 1
        wrong = verify_foreign(item, inventory(item["account"], item["region"]))
        if wrong:
            problems.append(f"not mlopsctl's, but {wrong}: {item['kind']} {item['id']} in {item['stage']} {item['account']} "
                            f"{item['region']}")
        else:
            foreign_ok[item["account"]] += 1

    # Whatever exists now in any account and region and did not when the foreign resources were planted, ledger or not.
    reported = {(r["account"], r["kind"], r["physicalId"]) for r in rows}
    excused = {(item["account"], item["kind"], item["id"]) for item in foreign}
    for account, stages, _ in accounts:
        for region in regions:
            here, before = inventory(account, region), baseline.get(f"{account}|{region}", {})
            for kind, names in sorted(here.primary.items()):
                for name in sorted(names - set(before.get(kind, []))):
                    if (account, kind, name) in excused or (kind == "kmsKey" and here.key_states.get(name) == "PendingDeletion"):
                        continue
                    new[(kind, account)] += 1
                    if (account, kind, name) not in reported:  # a ledger row left is reported above already
                        problems.append(f"new since planting, and no ledger row: {kind} {name} in {'/'.join(stages)} {account} {region}")

    print_table(accounts, regions, rows, recorded, left, pending, unchecked, new, foreign_ok, foreign_all, inventories)
    for (kind, account), count in sorted(unchecked.items()):
        print(f"unchecked: {count} {kind} row(s) in {account} (this check cannot list {kind})")
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"\nok: none of the {len(rows)} resources mlopsctl created is left ({total_rows} ledger rows in all), nothing is new "
          f"since planting in any of the {len(regions)} region(s) {', '.join(regions)}; "
          f"all {sum(foreign_all.values())} resources it does not own are untouched")
    return 0


def print_table(accounts, regions, rows, recorded, left, pending, unchecked, new, foreign_ok, foreign_all, inventories):
    kinds = [k for k in CHECKED_KINDS if any((k, a[0]) in recorded for a in accounts)]
    kinds += sorted({r["kind"] for r in rows} - set(kinds))
    width = max([len(k) for k in kinds] + [38])
    print(f"regions scanned in every account: {', '.join(regions)}")
    print("cell = left/recorded per account, for the ledger rows mlopsctl created (+Npd: KMS keys pending deletion, "
          "?N: unchecked)")
    print(f"{'KIND':<{width}}  " + "  ".join(f"{a[0]:<14}" for a in accounts))
    print(f"{'':<{width}}  " + "  ".join(f"{'/'.join(a[1]):<14}" for a in accounts))
    for kind in kinds:
        cells = []
        for account, _, _ in accounts:
            cell = (kind, account)
            text = f"{left[cell]}/{recorded[cell]}" if recorded[cell] else "-"
            if pending[cell]:
                text += f" +{pending[cell]}pd"
            if unchecked[cell]:
                text += f" ?{unchecked[cell]}"
            cells.append(f"{text:<14}")
        print(f"{kind:<{width}}  " + "  ".join(cells))
    print(f"{'new since planting (any region)':<{width}}  "
          + "  ".join(f"{sum(n for (k, acct), n in new.items() if acct == a[0]):<14}" for a in accounts))
    print(f"{'foreign: untouched/planted':<{width}}  "
          + "  ".join(f"{f'{foreign_ok[a[0]]}/{foreign_all[a[0]]}':<14}" for a in accounts))
    present = []
    for account, _, _ in accounts:
        count = sum(n for (acct, _), inv in inventories.items() if acct == account for n in inv.count.values())
        present.append(f"{count:<14}")
    print(f"{'listed now, any owner (sum of regions)':<{width}}  " + "  ".join(present))


# --- organization members -------------------------------------------------------------------------------------

def load_organization(path, only):
    try:
        with open(path) as handle:
            document = json.load(handle)
        members = [account for unit in document["ous"] for account in unit["accounts"]]
        document["managementProfile"], document["accessRole"]  # noqa: B018 (required keys)
    except (OSError, ValueError, KeyError, TypeError) as error:
        fail_input(f"--members-from {path}: not an organization file ({error}); "
                   "write one with scripts/local_aws_setup.py --organization N")
    unknown = sorted(set(only) - set(members))
    if unknown:
        fail_input(f"--member {', '.join(unknown)}: not a member in {path}")
    return document, [m for m in members if m in only] if only else members


_local = threading.local()


def member_leftovers(profile, partition, account, role, regions):
    """(kind, id, region) of everything in the member the organization's stack sets may have left."""
    if not hasattr(_local, "session"):  # a boto3 Session is not thread-safe; its clients are
        _local.session = boto3.Session(profile_name=profile, region_name=regions[0])
    management = _local.session
    credentials = management.client("sts").assume_role(
        RoleArn=f"arn:{partition}:iam::{account}:role/{role}", RoleSessionName="check-nothing-left")["Credentials"]
    keys = {"aws_access_key_id": credentials["AccessKeyId"], "aws_secret_access_key": credentials["SecretAccessKey"],
            "aws_session_token": credentials["SessionToken"]}
    client = lambda service, region: management.client(service, region_name=region, **keys)  # noqa: E731
    found = [("bucket", b["Name"], "global") for b in client("s3", regions[0]).list_buckets().get("Buckets", [])]
    found += [("iamRole", r["RoleName"], "global") for r in pages(client("iam", regions[0]), "list_roles", "Roles")
              if r["RoleName"].startswith("cdk-")]
    for region in regions:
        found += [("stack", s["StackName"], region) for s in pages(client("cloudformation", region), "list_stacks",
                                                                   "StackSummaries")
                  if s["StackStatus"] != "DELETE_COMPLETE"]
        kms = client("kms", region)
        found += [("kmsKey", k["KeyId"], region) for k in pages(kms, "list_keys", "Keys")
                  if kms.describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyState"] != "PendingDeletion"]
        found += [("ssmParameter", p["Name"], region) for p in pages(client("ssm", region), "get_parameters_by_path",
                                                                     "Parameters", Path="/cdk-bootstrap", Recursive=True)]
    return found


def check_members(path, only, regions):
    document, members = load_organization(path, only)
    regions = sorted(set(regions or [document.get("region") or "us-east-1"]))
    management = boto3.Session(profile_name=document["managementProfile"], region_name=regions[0])
    partition = management.client("sts").get_caller_identity()["Arn"].split(":")[1]
    unit_of = {account: unit["name"] for unit in document["ous"] for account in unit["accounts"]}
    problems, kinds = [], Counter()
    # A few at a time: each member is a handful of calls, mostly waiting on the endpoint.
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = pool.map(lambda account: (account, member_leftovers(document["managementProfile"], partition, account,
                                                                    document["accessRole"], regions)), members)
    for account, leftovers in found:
        for kind, identifier, region in leftovers:
            kinds[kind] += 1
            problems.append(f"left in member {account} ({unit_of[account]}) {region}: {kind} {identifier}")
    summary = ", ".join(f"{kinds[k]} {k}" for k in ["stack", "bucket", "iamRole", "kmsKey", "ssmParameter"])
    print(f"members: {len(members)} of organization {document['organizationId']} checked through "
          f"{document['accessRole']} in {', '.join(regions)}: {summary}")
    if problems:
        print(f"\nFAILED: {len(problems)} left in members:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("ok: nothing left in any member")
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["plant", "check", "members"])
    parser.add_argument("--manifest", help="JSON list of the planted resources (plant, check)")
    parser.add_argument("--topology", default=os.environ.get("MLOPSCTL_TOPOLOGY"))
    parser.add_argument("--ledger", default=os.environ.get("MLOPSCTL_LEDGER"))
    parser.add_argument("--foreign", action="append", default=[], metavar="STAGE:KIND:ID",
                        help="another resource that is not mlopsctl's and must survive (repeatable)")
    parser.add_argument("--members-from", metavar="FILE", help="organization.json: also check its member accounts")
    parser.add_argument("--member", action="append", default=[], metavar="ID", help="only this member (repeatable)")
    parser.add_argument("--region", action="append", default=[], help="a region to check members in (repeatable)")
    args = parser.parse_args(argv)
    if args.action == "members":
        if not args.members_from:
            fail_input("members needs --members-from organization.json")
        return check_members(args.members_from, args.member, args.region)
    if not args.manifest:
        fail_input(f"{args.action} needs --manifest FILE")
    topology = load_topology(args.topology)
    missing = [stage for stage in STAGES if stage not in topology]
    if missing:
        fail_input(f"{args.topology}: stages {', '.join(missing)} missing; the topology lists all four")
    if args.action == "plant":
        plant(topology, args.manifest)
        return 0
    status = check(topology, args.ledger, args.manifest, args.foreign)
    if args.members_from:
        print()
        status = max(status, check_members(args.members_from, args.member, args.region + regions_of(topology)))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
