#!/usr/bin/env python3
"""Proves the StackSet patches of scripts/moto_server_aws.py against an emulated organization, as AWS behaves.

    check-stackset-fidelity.py --organization DIR/organization.json

Needs an organization from `scripts/local_aws_setup.py --organization N` (N ≥ 6, 3 units) and AWS_CONFIG_FILE /
AWS_SHARED_CREDENTIALS_FILE pointing at that set-up's files. It changes the organization (adds a child unit under
`dev`, moves two members, closes one), so run it on an emulator of its own (EmulatorOrganizationTests does).
Every check looks at the members through their access role, as an operator would. Prints one line per check;
exit 0 when all pass, 1 with the failures otherwise.
"""
import argparse
import json
import sys

import boto3
from botocore.exceptions import ClientError

STACK_SET = "fidelity"
PARAMETER = "/fidelity/marker"
TEMPLATE = json.dumps({
    "Parameters": {"Marker": {"Type": "String", "Default": "v1"}},
    "Resources": {"MarkerParameter": {"Type": "AWS::SSM::Parameter",
                                      "Properties": {"Name": PARAMETER, "Type": "String", "Value": {"Ref": "Marker"}}}},
})
failures = []


def expect(condition, what):
    print(f"{'ok  ' if condition else 'FAIL'} {what}", flush=True)
    if not condition:
        failures.append(what)


class Organization:
    def __init__(self, path):
        with open(path) as handle:
            self.document = json.load(handle)
        self.region = self.document.get("region") or "us-east-1"
        self.session = boto3.Session(profile_name=self.document["managementProfile"], region_name=self.region)
        self.cfn = self.session.client("cloudformation")
        self.organizations = self.session.client("organizations")
        self.partition = self.session.client("sts").get_caller_identity()["Arn"].split(":")[1]
        self.units = {unit["name"]: unit for unit in self.document["ous"]}

    def member(self, account, service):
        credentials = self.session.client("sts").assume_role(
            RoleArn=f"arn:{self.partition}:iam::{account}:role/{self.document['accessRole']}",
            RoleSessionName="stackset-fidelity")["Credentials"]
        return self.session.client(service, aws_access_key_id=credentials["AccessKeyId"],
                                   aws_secret_access_key=credentials["SecretAccessKey"],
                                   aws_session_token=credentials["SessionToken"])

    def marker(self, account):
        """The parameter's value in the member, or None."""
        try:
            return self.member(account, "ssm").get_parameter(Name=PARAMETER)["Parameter"]["Value"]
        except ClientError:
            return None

    def instance_stacks(self, account):
        return [s for s in self.member(account, "cloudformation").list_stacks()["StackSummaries"]
                if s["StackName"].startswith(f"StackSet-{STACK_SET}-") and s["StackStatus"] != "DELETE_COMPLETE"]

    def instances(self):
        pages = self.cfn.get_paginator("list_stack_instances").paginate(StackSetName=STACK_SET)
        return {s["Account"]: s for page in pages for s in page["Summaries"]}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organization", required=True, help="organization.json of the emulator's set-up")
    args = parser.parse_args(argv)
    org = Organization(args.organization)
    dev, preprod, prod = (org.units[name] for name in ["dev", "preprod", "prod"])
    if min(len(dev["accounts"]), len(prod["accounts"])) < 2:
        sys.exit("check-stackset-fidelity: needs at least 6 members over the units dev, preprod, prod")
    dev_a, dev_b = dev["accounts"][:2]
    prod_a, prod_b = prod["accounts"][:2]
    region = [org.region]

    # A child unit under dev holding dev_b (targets are recursive), and prod_b closed (only ACTIVE accounts).
    team = org.organizations.create_organizational_unit(ParentId=dev["id"], Name="dev-team")["OrganizationalUnit"]["Id"]
    org.organizations.move_account(AccountId=dev_b, SourceParentId=dev["id"], DestinationParentId=team)
    org.organizations.close_account(AccountId=prod_b)

    org.cfn.create_stack_set(StackSetName=STACK_SET, TemplateBody=TEMPLATE, PermissionModel="SERVICE_MANAGED",
                             AutoDeployment={"Enabled": False})

    # INTERSECTION: only listed accounts that are in the units.
    org.cfn.create_stack_instances(StackSetName=STACK_SET, Regions=region, DeploymentTargets={
        "OrganizationalUnitIds": [dev["id"]], "Accounts": [dev_a, prod_a], "AccountFilterType": "INTERSECTION"})
    expect(set(org.instances()) == {dev_a}, "INTERSECTION dev ∩ {dev_a, prod_a} deploys to dev_a only")
    expect(org.marker(dev_a) == "v1" and org.marker(prod_a) is None, "the instance's resources are in dev_a, not prod_a")
    stacks = org.instance_stacks(dev_a)
    expect(len(stacks) == 1 and stacks[0]["StackStatus"] == "CREATE_COMPLETE",
           "the instance is a visible stack StackSet-fidelity-… in dev_a")
    expect(org.instances()[dev_a]["OrganizationalUnitId"] == dev["id"], "the instance records the unit it came through")
    described = org.cfn.describe_stack_set(StackSetName=STACK_SET)["StackSet"]
    expect(described.get("AutoDeployment") == {"Enabled": False}, "DescribeStackSet returns the AutoDeployment it was created with")
    expect(described.get("OrganizationalUnitIds") == [dev["id"]], "DescribeStackSet lists the unit given to CreateStackInstances")

    # The same request again: no duplicate.
    org.cfn.create_stack_instances(StackSetName=STACK_SET, Regions=region, DeploymentTargets={
        "OrganizationalUnitIds": [dev["id"]], "Accounts": [dev_a], "AccountFilterType": "INTERSECTION"})
    expect(len(org.instances()) == 1 and len(org.instance_stacks(dev_a)) == 1, "creating an existing instance again adds none")

    # UNION is refused on create; OUs + Accounts need a filter type.
    for targets, what in [({"OrganizationalUnitIds": [dev["id"]], "Accounts": [prod_a], "AccountFilterType": "UNION"},
                           "UNION on create"),
                          ({"OrganizationalUnitIds": [dev["id"]], "Accounts": [prod_a]}, "OUs + Accounts without a filter")]:
        try:
            org.cfn.create_stack_instances(StackSetName=STACK_SET, Regions=region, DeploymentTargets=targets)
            expect(False, f"{what} is refused")
        except ClientError as error:
            expect(error.response["Error"]["Code"] == "ValidationError", f"{what} is refused (ValidationError)")

    # DIFFERENCE: the units' active accounts minus the listed ones.
    org.cfn.create_stack_instances(StackSetName=STACK_SET, Regions=region, DeploymentTargets={
        "OrganizationalUnitIds": [prod["id"]], "Accounts": [prod_a], "AccountFilterType": "DIFFERENCE"})
    expected_prod = set(prod["accounts"]) - {prod_a, prod_b}
    expect(set(org.instances()) == {dev_a} | expected_prod, "DIFFERENCE prod − {prod_a} skips prod_a and the closed prod_b")

    # The root, recursively: every active member (dev_b in the child unit too), never the management account.
    org.cfn.create_stack_instances(StackSetName=STACK_SET, Regions=region,
                                   DeploymentTargets={"OrganizationalUnitIds": [org.document["rootId"]]})
    members = {a for unit in org.document["ous"] for a in unit["accounts"]}
    active = members - {prod_b}
    expect(set(org.instances()) == active, f"the root reaches all {len(active)} active members, nested ones included")
    expect(dev_b in org.instances() and org.marker(dev_b) == "v1", "dev_b in dev/dev-team got its instance")
    expect(org.document["managementAccount"] not in org.instances(), "the management account gets no instance")
    try:
        org.cfn.describe_stack_instance(StackSetName=STACK_SET, StackInstanceAccount=org.document["managementAccount"],
                                        StackInstanceRegion=org.region)
        expect(False, "DescribeStackInstance of a missing instance fails")
    except ClientError as error:
        expect(error.response["Error"]["Code"] == "StackInstanceNotFoundException",
               "DescribeStackInstance of a missing instance: StackInstanceNotFoundException")

    # UpdateStackSet re-deploys every instance; UpdateStackInstances overrides one unit.
    org.cfn.update_stack_set(StackSetName=STACK_SET, UsePreviousTemplate=True,
                             Parameters=[{"ParameterKey": "Marker", "ParameterValue": "v2"}])
    expect(all(org.marker(a) == "v2" for a in active), "UpdateStackSet's new parameter reaches every instance's resources")
    operation = org.cfn.update_stack_instances(StackSetName=STACK_SET, Regions=region,
                                               DeploymentTargets={"OrganizationalUnitIds": [preprod["id"]]},
                                               ParameterOverrides=[{"ParameterKey": "Marker", "ParameterValue": "v3"}])
    expect(all(org.marker(a) == "v3" for a in preprod["accounts"]) and org.marker(dev_a) == "v2",
           "UpdateStackInstances overrides preprod's instances only")
    results = org.cfn.list_stack_set_operation_results(StackSetName=STACK_SET, OperationId=operation["OperationId"])
    expect({r["Account"] for r in results["Summaries"]} == set(preprod["accounts"]),
           "ListStackSetOperationResults lists the operation's accounts")
    org.cfn.update_stack_set(StackSetName=STACK_SET, UsePreviousTemplate=True, Parameters=[
        {"ParameterKey": "Marker", "UsePreviousValue": True}], AutoDeployment={
        "Enabled": True, "RetainStacksOnAccountRemoval": False})
    expect(org.cfn.describe_stack_set(StackSetName=STACK_SET)["StackSet"].get("AutoDeployment")
           == {"Enabled": True, "RetainStacksOnAccountRemoval": False}, "UpdateStackSet changes AutoDeployment")
    new_template = json.dumps(dict(json.loads(TEMPLATE), Description="second version"))  # same resources
    org.cfn.update_stack_set(StackSetName=STACK_SET, TemplateBody=new_template,
                             Parameters=[{"ParameterKey": "Marker", "UsePreviousValue": True}])
    body = org.member(dev_a, "cloudformation").get_template(StackName=org.instance_stacks(dev_a)[0]["StackName"])
    expect("second version" in json.dumps(body["TemplateBody"]) and org.marker(dev_a) == "v2",
           "UpdateStackSet's new template reaches the instances' stacks, keeping the previous parameter value")

    # Delete by unit after dev_a moved to preprod: matched by the unit it was deployed through.
    org.organizations.move_account(AccountId=dev_a, SourceParentId=dev["id"], DestinationParentId=preprod["id"])
    org.cfn.delete_stack_instances(StackSetName=STACK_SET, Regions=region, RetainStacks=False,
                                   DeploymentTargets={"OrganizationalUnitIds": [dev["id"]]})
    remaining = set(org.instances())
    expect(dev_a not in remaining and not set(dev["accounts"]) & remaining, "DeleteStackInstances by dev removes dev's instances")
    expect(org.marker(dev_a) is None and org.marker(dev_b) is None and not org.instance_stacks(dev_b),
           "…and their stacks and resources (RetainStacks=false)")

    # RetainStacks=true: the instances go, the stacks and resources stay.
    org.cfn.delete_stack_instances(StackSetName=STACK_SET, Regions=region, RetainStacks=True,
                                   DeploymentTargets={"OrganizationalUnitIds": [preprod["id"]]})
    kept = [a for a in preprod["accounts"]]
    expect(not set(kept) & set(org.instances()), "DeleteStackInstances by preprod with RetainStacks removes the instances")
    expect(all(org.marker(a) == "v3" and len(org.instance_stacks(a)) == 1 for a in kept),
           "…and keeps their stacks and resources (RetainStacks=true)")
    for account in kept:  # an operator removes retained stacks themselves
        client = org.member(account, "cloudformation")
        for stack in org.instance_stacks(account):
            client.delete_stack(StackName=stack["StackId"])

    # DIFFERENCE on delete, then the rest by the root.
    org.cfn.delete_stack_instances(StackSetName=STACK_SET, Regions=region, RetainStacks=False, DeploymentTargets={
        "OrganizationalUnitIds": [prod["id"]], "Accounts": [prod["accounts"][-1]], "AccountFilterType": "DIFFERENCE"})
    expect(set(org.instances()) == {prod["accounts"][-1]} - {prod_b},
           "DeleteStackInstances with DIFFERENCE keeps only the listed account")
    org.cfn.delete_stack_instances(StackSetName=STACK_SET, Regions=region, RetainStacks=False,
                                   DeploymentTargets={"OrganizationalUnitIds": [org.document["rootId"]]})
    expect(not org.instances(), "DeleteStackInstances by the root removes the rest")
    units = org.cfn.describe_stack_set(StackSetName=STACK_SET)["StackSet"].get("OrganizationalUnitIds")
    expect(org.document["rootId"] not in units and dev["id"] not in units,
           f"units deleted whole leave the stack set's OrganizationalUnitIds ({units})")
    expect(all(org.marker(a) is None and not org.instance_stacks(a) for a in active), "no member keeps a marker or a stack")
    org.cfn.delete_stack_set(StackSetName=STACK_SET)

    # 9.: a list parameter reads back comma-joined.
    lists = org.member(dev_a, "cloudformation")
    lists.create_stack(StackName="fidelity-list", TemplateBody=json.dumps({
        "Parameters": {"Accounts": {"Type": "CommaDelimitedList"}},
        "Resources": {"Marker": {"Type": "AWS::SSM::Parameter", "Properties": {
            "Name": "/fidelity/list", "Type": "String", "Value": {"Fn::Join": [",", {"Ref": "Accounts"}]}}}}}),
        Parameters=[{"ParameterKey": "Accounts", "ParameterValue": "111111111111,222222222222"}])
    shown = lists.describe_stacks(StackName="fidelity-list")["Stacks"][0]["Parameters"]
    expect(shown == [{"ParameterKey": "Accounts", "ParameterValue": "111111111111,222222222222"}],
           f"DescribeStacks shows a CommaDelimitedList comma-joined ({shown})")
    lists.delete_stack(StackName="fidelity-list")

    if failures:
        print(f"FAILED: {len(failures)} check(s)")
        return 1
    print("ok: every StackSet patch behaves as AWS documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
