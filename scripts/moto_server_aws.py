#!/usr/bin/env python3
"""moto_server, with CloudFormation (StackSets, bucket and role properties) patched to behave like AWS where mlopsctl
relies on it.

    python3 scripts/moto_server_aws.py -H 127.0.0.1 -p PORT      (the same arguments as moto_server)

Used by scripts/local-aws and Sources/TestSupport/Emulator.swift instead of exec'ing moto_server. It clears the
signal mask first (Foundation's Process passes on the spawning thread's mask, and Swift's worker threads block
SIGTERM: moto would then ignore stop()), imports moto, applies the patches below, and runs moto's server main.

Patches (written against moto 5.2.1; a different version, or a moved internal, stops the start with a message).
Only SERVICE_MANAGED stack sets are affected; SELF_MANAGED ones keep moto's behaviour. References are to the AWS
CloudFormation API Reference (docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/).
 1. Targets. CreateStackInstances, UpdateStackInstances, DeleteStackInstances and UpdateStackSet resolve
    `DeploymentTargets` like AWS (API_DeploymentTargets): `OrganizationalUnitIds` are roots (r-…) or OUs, taken
    recursively through child OUs; only ACTIVE accounts; never the management account. `Accounts` combine with them
    per `AccountFilterType`: NONE = the OUs' accounts, INTERSECTION = listed accounts that are in the OUs,
    DIFFERENCE = the OUs' accounts minus the listed ones, UNION (the default) = both. On create, UNION is refused
    and OUs + Accounts need an explicit filter type. moto 5.2.1 looks one OU level deep, ignores the filter type,
    and DeleteStackInstances reads only the top-level `Accounts`, so an OU delete deleted nothing.
    An instance removed by OU is also matched by the OU it was deployed through (StackInstance.OrganizationalUnitId),
    so accounts moved out of the OU since are still found.
 2. No duplicates. CreateStackInstances for an account and region that already has an instance leaves that
    instance as it is (moto created a second instance and a second set of resources).
 3. Real stacks. Each instance is a stack in its account and region named `StackSet-<stack set>-<uuid>`, visible to
    that account's DescribeStacks/ListStacks as in AWS (moto kept service-managed instance stacks hidden; their
    resources were real). StackInstance.StackId is that stack's id.
 4. RetainStacks. DeleteStackInstances with RetainStacks=true only disassociates the instance: its stack and resources
    stay in the account (API_DeleteStackInstances). With false the stack is deleted with its resources.
 5. Updates reach the instances. UpdateStackSet with a new template or parameters re-deploys the stack of every
    instance (or of the targeted ones, when Accounts/DeploymentTargets and Regions are given), with the stack set's
    parameters overlaid by each instance's overrides; instances created later use the current template (moto kept
    the creation-time template for them). UpdateStackInstances replaces the overrides as API_UpdateStackInstances
    describes (UsePreviousValue keeps one, an omitted key falls back to the stack set's value, no ParameterOverrides
    keeps all) and re-deploys those stacks. Updates are synchronous; moto only re-evaluates resources that `!Ref`
    a changed parameter (see docs: emulator notes §2).
 6. Operations list their instances. The operation of each call above records the (account, region) pairs it
    touched, so ListStackSetOperationResults lists them (moto listed none for OU targets), and UpdateStackSet
    without an OperationId gets a generated one (moto returned none).
 7. DescribeStackInstance of an instance that does not exist answers StackInstanceNotFoundException (404), not 500;
    ListStackInstances honours StackInstanceAccount and StackInstanceRegion.
 8. Stack set settings. CreateStackSet and UpdateStackSet keep `AutoDeployment` (an update without it keeps the
    current one), and DescribeStackSet returns it and `OrganizationalUnitIds`, the OUs and roots that
    CreateStackInstances was given and DeleteStackInstances has not removed (API_StackSet); moto returned neither.
 9. List parameters. DescribeStacks shows a CommaDelimitedList or List<...> parameter comma-joined, as AWS does
    (moto showed Python's list repr, "['1', '2']").
10. Bucket settings in templates. AWS::S3::Bucket applies `VersioningConfiguration` and
    `PublicAccessBlockConfiguration` on create and on update (AWS::S3::Bucket in the CloudFormation User Guide);
    moto applied only encryption and tags, so a bucket a template versions was unversioned.
11. Managed policies of roles. AWS::IAM::Role attaches `ManagedPolicyArns` on create (and on update, attaching the
    new and detaching the dropped ones), and detaches them when CloudFormation deletes the role; moto ignored them.
    An AWS-managed policy (arn:<partition>:iam::aws:policy/...) is loaded into the account from moto's own copy of
    them when a template first attaches it (moto loads none unless MOTO_IAM_LOAD_MANAGED_POLICIES, which costs every
    account thousands of policies); a policy that exists nowhere is skipped, where AWS would fail the stack.
12. Stack tags on update. UpdateStack with an empty `Tags=` removes every tag, and a change set of type UPDATE
    created with `Tags` gives the stack those tags when it is executed (API_UpdateStack, API_CreateChangeSet: "If you
    specify an empty value, AWS CloudFormation removes all associated tags"); moto kept the old tags in both cases.
    A request whose only change is the tags is an update, as in AWS (which tags the stack's resources); moto answered
    "No updates are to be performed" when template and parameters were the same.
13. Key policies in templates. AWS::KMS::Key with `KeyPolicy` given as a JSON object (as YAML templates, the CDK
    bootstrap template among them, give it) stores it as JSON text, as AWS does; moto stored the object, and every
    DescribeKey of the key then failed with HTTP 500.
14. Inline policies of roles in templates. AWS::IAM::Role `Policies` given as JSON objects are stored as JSON text, as
    CloudFormation sends them to IAM; moto stored the object, and GetRolePolicy answered its Python repr
    (`{'Version': …}`), which no client can parse.
Not emulated: deployment to accounts that join a targeted OU later (AutoDeployment is kept and reported, not run),
AccountsUrl (refused), OperationPreferences, asynchronous operations.
"""
import json
import re
import signal
import sys
import uuid
from collections import defaultdict

signal.pthread_sigmask(signal.SIG_SETMASK, [])

EXPECTED_MOTO = "5.2.1"


def fail(message):
    print(f"moto_server_aws: {message}", file=sys.stderr, flush=True)
    sys.exit(3)


try:
    import moto
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation import responses as cfn_responses
    from moto.cloudformation.exceptions import CloudFormationError, ValidationError
    from moto.core.responses import ActionResult
    from moto.organizations.models import organizations_backends
    from moto.server import main as moto_main
    from moto.utilities.utils import get_partition
    from moto.iam import models as iam_models
    from moto.kms import models as kms_models
    from moto.s3 import models as s3_models
except ImportError as error:
    fail(f"cannot import moto ({error}); install moto[server]=={EXPECTED_MOTO} (scripts/ensure-tools main)")

if moto.__version__ != EXPECTED_MOTO:
    fail(f"the StackSet patches are written for moto {EXPECTED_MOTO}, found {moto.__version__}; "
         f"install moto[server]=={EXPECTED_MOTO} (scripts/ensure-tools main) or re-check each patch against it")
_REQUIRED = {
    cfn_responses.CloudFormationResponse: ["_validate_different_update", "create_stack_set", "create_stack_instances", "update_stack_instances", "delete_stack_instances",
                                           "update_stack_set", "describe_stack_instance", "list_stack_instances",
                                           "cloudformation_backend", "_get_param", "_get_params", "_get_bool_param",
                                           "_get_stack_from_s3_url"],
    cfn_models.StackSet: ["update", "_create_operation"],
    cfn_models.StackInstances: ["get_instance"],
    cfn_models.Stack: ["parameter_list"],
    cfn_models.ChangeSet: ["apply"],
    s3_models.FakeBucket: ["create_from_cloudformation_json", "update_from_cloudformation_json"],
    s3_models.S3Backend: ["put_bucket_versioning", "put_public_access_block"],
    iam_models.Role: ["create_from_cloudformation_json", "update_from_cloudformation_json", "delete_from_cloudformation_json"],
    iam_models.IAMBackend: ["attach_role_policy", "detach_role_policy", "get_role"],
    iam_models.AWSManagedPolicy: ["from_data"],
    kms_models.Key: ["create_from_cloudformation_json"],
    cfn_models.CloudFormationBackend: ["describe_stack_set", "create_stack", "delete_stack", "get_stack",
                                       "_resolve_update_parameters"],
}
for _owner, _names in _REQUIRED.items():
    for _name in _names:
        if not hasattr(_owner, _name):
            fail(f"moto internals moved: {_owner.__name__}.{_name} is missing (patches expect moto {EXPECTED_MOTO})")
if not hasattr(iam_models, "aws_managed_policies_data"):
    fail(f"moto internals moved: moto.iam.models.aws_managed_policies_data is missing (expected moto {EXPECTED_MOTO})")
if not hasattr(organizations_backends, "master_accounts"):
    fail(f"moto internals moved: organizations_backends.master_accounts is missing (expected moto {EXPECTED_MOTO})")

_original = {name: getattr(cfn_responses.CloudFormationResponse, name)
             for name in ["update_stack", "create_change_set", "_validate_different_update", "create_stack_set", "create_stack_instances", "update_stack_instances", "delete_stack_instances",
                          "update_stack_set", "describe_stack_instance", "list_stack_instances"]}
_OU_PATTERN = r"^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$"


class StackInstanceNotFoundException(CloudFormationError):
    code = "StackInstanceNotFoundException"

    def __init__(self, stack_set, account, region):
        super().__init__(f"Stack instance for account {account} in region {region} of StackSet {stack_set} not found")
        self.status_code = 404


# --- 1. targets -------------------------------------------------------------------------------------------------

def organization_for(account_id, partition):
    """The organization a stack set's account administers: its own as management account, else (a delegated
    administrator, a member) its management account's."""
    owner, owner_partition = organizations_backends.master_accounts.get(account_id, (account_id, partition))
    backend = organizations_backends[owner][owner_partition]
    if backend.org is None:
        raise ValidationError(message=f"Account {account_id} is not in an organization with all features enabled "
                                      "(SERVICE_MANAGED stack sets need AWS Organizations)")
    return backend


def resolve_targets(stack_set, targets, action):
    """[(account, organizational unit it is targeted through)] for DeploymentTargets, in organization order."""
    ou_ids = list(targets.get("OrganizationalUnitIds") or [])
    listed = list(targets.get("Accounts") or [])
    filter_type = targets.get("AccountFilterType")
    if targets.get("AccountsUrl"):
        raise ValidationError(message="DeploymentTargets.AccountsUrl is not supported by this emulator; pass Accounts")
    for ou_id in ou_ids:
        if not re.match(_OU_PATTERN, ou_id):
            raise ValidationError(message=f"1 validation error detected: Value '[{ou_id}]' at "
                                          "'deploymentTargets.organizationalUnitIds' failed to satisfy constraint")
    if action == "create":
        if not ou_ids:
            raise ValidationError(message="OrganizationalUnitIds are required")
        if listed and not filter_type:
            raise ValidationError(message="AccountFilterType is required when DeploymentTargets has both "
                                          "OrganizationalUnitIds and Accounts")
        if filter_type == "UNION":
            raise ValidationError(message="AccountFilterType UNION is not supported for CreateStackInstances")
    if not ou_ids and not listed:
        raise ValidationError(message="DeploymentTargets needs OrganizationalUnitIds or Accounts")
    filter_type = filter_type or ("UNION" if listed else "NONE")

    org = organization_for(stack_set.instances.account_id, stack_set.instances.partition)
    management = org.org.master_account_id
    children = defaultdict(list)
    for unit in org.ou:
        if unit.parent_id:
            children[unit.parent_id].append(unit.id)
    known = {unit.id for unit in org.ou}
    reached = {}  # unit id → the requested unit it is reached through
    for ou_id in ou_ids:
        if ou_id not in known:
            raise ValidationError(message=f"OrganizationalUnitId {ou_id} does not exist in organization {org.org.id}")
        pending = [ou_id]
        while pending:
            unit = pending.pop()
            if unit not in reached:
                reached[unit] = ou_id
                pending += children[unit]
    active = [a for a in org.accounts if a.status == "ACTIVE" and a.id != management]
    in_units = [(a.id, reached[a.parent_id]) for a in active if a.parent_id in reached]
    listed_set = set(listed)
    if filter_type == "NONE":
        return in_units
    if filter_type == "INTERSECTION":
        return [(a, ou) for a, ou in in_units if a in listed_set]
    if filter_type == "DIFFERENCE":
        return [(a, ou) for a, ou in in_units if a not in listed_set]
    if filter_type == "UNION":
        chosen = {a for a, _ in in_units}
        extra = [(a.id, a.parent_id) for a in active if a.id in listed_set and a.id not in chosen]
        return in_units + extra
    raise ValidationError(message=f"AccountFilterType {filter_type!r} is not one of NONE, INTERSECTION, DIFFERENCE, UNION")


# --- 3. instances with real stacks ------------------------------------------------------------------------------

def merged_parameters(stack_set, overrides):
    values = dict(stack_set.parameters or {})
    values.update({p["ParameterKey"]: p["ParameterValue"] for p in overrides if "ParameterValue" in p})
    return values


class OrganizationStackInstance:
    """A service-managed instance whose stack is an ordinary stack in its account and region (the fields moto's
    StackInstance has, which StackInstances.get_instance and DeleteStackSet read; not a subclass: moto's model
    metaclass registers subclasses by module name)."""

    def __init__(self, stack_set, account, region, unit, overrides, operation_id):
        self.account_id, self.region_name = account, region
        self.stackset_id, self.name = stack_set.id, stack_set.name
        self.stack_name = f"StackSet-{stack_set.name}-{uuid.uuid4()}"
        self.permission_model = "SERVICE_MANAGED"
        self.organizational_unit_id = unit
        self.parameters = list(overrides)  # the overrides only, as AWS reports them
        self.last_operation_id = operation_id
        self.template = stack_set.template
        backend = cfn_models.cloudformation_backends[account][region]
        self.stack = backend.create_stack(name=self.stack_name, template=stack_set.template,
                                          parameters=merged_parameters(stack_set, self.parameters))

    def redeploy(self, stack_set, operation_id):
        self.template = stack_set.template
        self.last_operation_id = operation_id
        self.stack.update(stack_set.template, parameters=merged_parameters(stack_set, self.parameters))
        self.stack.description = self.stack.template_dict.get("Description")  # Stack.update keeps the old one

    def delete(self, retain=False):
        if not retain:
            cfn_models.cloudformation_backends[self.account_id][self.region_name].delete_stack(self.stack.stack_id)

    def to_dict(self):
        return {
            "StackId": self.stack.stack_id, "StackSetId": self.stackset_id, "Region": self.region_name,
            "Account": self.account_id, "Status": "CURRENT", "StackInstanceStatus": {"DetailedStatus": "SUCCEEDED"},
            "OrganizationalUnitId": self.organizational_unit_id, "ParameterOverrides": self.parameters,
            "DriftStatus": "NOT_CHECKED", "LastOperationId": self.last_operation_id,
        }


def record_operation(stack_set, operation_id, action, pairs):
    operation = stack_set._create_operation(operation_id=operation_id, action=action, status="SUCCEEDED")
    operation["Instances"] = [{account: region} for account, region in pairs]  # 6.
    return operation


def service_managed(response):
    stack_set = response.cloudformation_backend.describe_stack_set(response._get_param("StackSetName"))
    return stack_set if stack_set.permission_model == "SERVICE_MANAGED" else None


def instances_for(stack_set, response, action):
    """The existing instances DeploymentTargets + Regions select (all of them when neither is given)."""
    targets = response._get_params().get("DeploymentTargets") or {}
    regions = set(response._get_param("Regions", []))
    if not targets and not regions:
        return list(stack_set.instances.stack_instances)
    if not regions:
        raise ValidationError(message="Regions are required with DeploymentTargets")
    chosen = resolve_targets(stack_set, targets, action)
    accounts = {a for a, _ in chosen}
    units = set(targets.get("OrganizationalUnitIds") or [])
    filter_type = targets.get("AccountFilterType") or ("UNION" if targets.get("Accounts") else "NONE")
    listed = set(targets.get("Accounts") or [])

    def by_unit(instance):  # 1.: deployed through a requested OU, filtered the same way
        unit = getattr(instance, "organizational_unit_id", None)
        if unit not in units:
            return False
        return {"INTERSECTION": instance.account_id in listed,
                "DIFFERENCE": instance.account_id not in listed}.get(filter_type, True)
    return [i for i in stack_set.instances.stack_instances
            if i.region_name in regions and (i.account_id in accounts or by_unit(i))]


# --- 8. stack set settings -------------------------------------------------------------------------------------

def target_units(stack_set):
    if getattr(stack_set, "organizational_unit_ids", None) is None:
        stack_set.organizational_unit_ids = []
    return stack_set.organizational_unit_ids


def keep_auto_deployment(response, stack_set):
    given = response._get_params().get("AutoDeployment")
    if given is not None:
        setting = {"Enabled": str(given.get("Enabled")).lower() == "true"}
        if "RetainStacksOnAccountRemoval" in given:
            setting["RetainStacksOnAccountRemoval"] = str(given["RetainStacksOnAccountRemoval"]).lower() == "true"
        if given.get("DependsOn"):
            setting["DependsOn"] = list(given["DependsOn"])
        stack_set.auto_deployment = setting
    target_units(stack_set)


def create_stack_set(self):
    result = _original["create_stack_set"](self)
    keep_auto_deployment(self, self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName")))
    return result


# --- 9. list parameters ----------------------------------------------------------------------------------------

def parameter_list(self):
    hidden = self.resource_map.no_echo_parameter_keys
    return [{"ParameterKey": key,
             "ParameterValue": "****" if key in hidden else (",".join(map(str, value)) if isinstance(value, list) else value)}
            for key, value in self.resource_map.resolved_parameters.items()]


# --- the patched actions ----------------------------------------------------------------------------------------

def create_stack_instances(self):
    stack_set = service_managed(self)
    if stack_set is None:
        return _original["create_stack_instances"](self)
    if self._get_param("Accounts"):
        raise ValidationError(message="StackSets with SERVICE_MANAGED permission model can only have "
                                      "OrganizationalUnit as target")
    targets = self._get_params().get("DeploymentTargets")
    if not targets:
        raise ValidationError(message="StackSets with SERVICE_MANAGED permission model can only have "
                                      "OrganizationalUnit as target")
    regions = self._get_param("Regions", [])
    overrides = self._get_param("ParameterOverrides", [])
    operation_id = self._get_param("OperationId") or str(uuid.uuid4())
    chosen = resolve_targets(stack_set, targets, "create")
    existing = {(i.account_id, i.region_name) for i in stack_set.instances.stack_instances}
    touched = []
    for region in regions:
        for account, unit in chosen:
            if (account, region) in existing:  # 2.
                continue
            instance = OrganizationStackInstance(stack_set, account, region, unit, overrides, operation_id)
            stack_set.instances.stack_instances.append(instance)  # the same list StackSet.stack_instances holds
            existing.add((account, region))
            touched.append((account, region))
    record_operation(stack_set, operation_id, "CREATE", touched)
    known = target_units(stack_set)  # 8.
    known.extend(unit for unit in targets.get("OrganizationalUnitIds") or [] if unit not in known)
    return ActionResult({"OperationId": operation_id})


def delete_stack_instances(self):
    stack_set = service_managed(self)
    if stack_set is None:
        return _original["delete_stack_instances"](self)
    if not self._get_params().get("DeploymentTargets"):
        raise ValidationError(message="StackSets with SERVICE_MANAGED permission model can only have "
                                      "OrganizationalUnit as target")
    retain = self._get_bool_param("RetainStacks", False)
    operation_id = self._get_param("OperationId") or str(uuid.uuid4())
    doomed = instances_for(stack_set, self, "delete")
    for instance in doomed:
        if isinstance(instance, OrganizationStackInstance):
            instance.delete(retain=retain)  # 4.
        elif not retain:
            instance.delete()
        stack_set.instances.stack_instances.remove(instance)
    record_operation(stack_set, operation_id, "DELETE", [(i.account_id, i.region_name) for i in doomed])
    targets = self._get_params().get("DeploymentTargets") or {}
    if (targets.get("AccountFilterType") or "NONE") == "NONE" and not targets.get("Accounts"):  # 8.: a whole OU removed
        units = set(targets.get("OrganizationalUnitIds") or [])
        stack_set.organizational_unit_ids = [unit for unit in target_units(stack_set) if unit not in units]
    return ActionResult({"OperationId": operation_id})


def redeploy(stack_set, instances, operation_id):
    for instance in instances:
        if isinstance(instance, OrganizationStackInstance):
            instance.redeploy(stack_set, operation_id)
        else:  # created before a patch could see it; should not happen
            raise ValidationError(message=f"instance {instance.account_id}/{instance.region_name} predates the patches")


def update_stack_set(self):
    stack_set = service_managed(self)
    if stack_set is None:
        return _original["update_stack_set"](self)
    template = self._get_param("TemplateBody")
    if self._get_param("TemplateURL"):
        template = self._get_stack_from_s3_url(self._get_param("TemplateURL"))
    parameters = self.cloudformation_backend._resolve_update_parameters(
        instance=stack_set, incoming_params=self._get_param("Parameters", []))
    operation_id = self._get_param("OperationId") or str(uuid.uuid4())
    selected = instances_for(stack_set, self, "update")
    tags = {item["Key"]: item["Value"] for item in self._get_param("Tags", [])}
    stack_set.update(template=template, description=self._get_param("Description"), parameters=parameters,
                     tags=tags, admin_role=self._get_param("AdministrationRoleARN"),
                     execution_role=self._get_param("ExecutionRoleName"), accounts=[], regions=[],
                     operation_id=operation_id)
    stack_set.operations.pop()  # StackSet.update recorded one without instances
    stack_set.instances.template = stack_set.template  # 5.: later instances get the current template
    stack_set.instances.parameters = stack_set.parameters
    redeploy(stack_set, selected, operation_id)
    record_operation(stack_set, operation_id, "UPDATE", [(i.account_id, i.region_name) for i in selected])
    keep_auto_deployment(self, stack_set)
    return ActionResult({"OperationId": operation_id})


def update_stack_instances(self):
    stack_set = service_managed(self)
    if stack_set is None:
        return _original["update_stack_instances"](self)
    if not self._get_params().get("DeploymentTargets") or not self._get_param("Regions"):
        raise ValidationError(message="UpdateStackInstances needs DeploymentTargets and Regions")
    operation_id = self._get_param("OperationId") or str(uuid.uuid4())
    selected = instances_for(stack_set, self, "update")
    given = self._get_params().get("ParameterOverrides")
    for instance in selected:
        if given is not None:  # 5.: absent = keep every override
            previous = {p["ParameterKey"]: p for p in instance.parameters}
            instance.parameters = [previous[p["ParameterKey"]] if p.get("UsePreviousValue") else
                                   {"ParameterKey": p["ParameterKey"], "ParameterValue": p["ParameterValue"]}
                                   for p in given
                                   if not p.get("UsePreviousValue") or p["ParameterKey"] in previous]
    redeploy(stack_set, selected, operation_id)
    record_operation(stack_set, operation_id, "UPDATE", [(i.account_id, i.region_name) for i in selected])
    return ActionResult({"OperationId": operation_id})


def describe_stack_instance(self):
    stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
    account, region = self._get_param("StackInstanceAccount"), self._get_param("StackInstanceRegion")
    instance = stack_set.instances.get_instance(account, region)
    if instance is None:  # 7.
        raise StackInstanceNotFoundException(stack_set.name, account, region)
    return ActionResult({"StackInstance": instance.to_dict()})


def list_stack_instances(self):
    stack_set = self.cloudformation_backend.describe_stack_set(self._get_param("StackSetName"))
    account, region = self._get_param("StackInstanceAccount"), self._get_param("StackInstanceRegion")
    summaries = [i.to_dict() for i in stack_set.instances.stack_instances
                 if (not account or i.account_id == account) and (not region or i.region_name == region)]
    return ActionResult({"Summaries": summaries})


for _name, _function in [("create_stack_set", create_stack_set),
                         ("create_stack_instances", create_stack_instances),
                         ("delete_stack_instances", delete_stack_instances),
                         ("update_stack_set", update_stack_set),
                         ("update_stack_instances", update_stack_instances),
                         ("describe_stack_instance", describe_stack_instance),
                         ("list_stack_instances", list_stack_instances)]:
    setattr(cfn_responses.CloudFormationResponse, _name, _function)
cfn_models.Stack.parameter_list = property(parameter_list)  # moto's is a property too

# 10. Bucket settings in templates.
def apply_bucket_settings(bucket, cloudformation_json, account_id, region_name):
    properties = cloudformation_json.get("Properties") or {}
    backend = s3_models.s3_backends[account_id][get_partition(region_name)]
    status = (properties.get("VersioningConfiguration") or {}).get("Status")
    if status:
        backend.put_bucket_versioning(bucket.name, status)
    block = properties.get("PublicAccessBlockConfiguration")
    if block:
        backend.put_public_access_block(bucket.name, {key: str(value).lower() for key, value in block.items()})
    return bucket


_bucket_create = s3_models.FakeBucket.create_from_cloudformation_json.__func__
_bucket_update = s3_models.FakeBucket.update_from_cloudformation_json.__func__


def bucket_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    bucket = _bucket_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    return apply_bucket_settings(bucket, cloudformation_json, account_id, region_name)


def bucket_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    bucket = _bucket_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    return apply_bucket_settings(bucket, cloudformation_json, account_id, region_name)


# 11. Managed policies of roles.
def managed_policy_arns(cloudformation_json):
    return [arn for arn in (cloudformation_json.get("Properties") or {}).get("ManagedPolicyArns") or [] if isinstance(arn, str)]


_AWS_MANAGED = None


def load_aws_managed_policy(backend, arn):
    """Adds one AWS-managed policy to the account, from moto's bundled copy; False when there is no such policy."""
    global _AWS_MANAGED
    match = re.fullmatch(r"arn:[a-z-]+:iam::aws:policy/(?:.*/)?([^/]+)", arn)
    if not match:
        return False
    if _AWS_MANAGED is None:
        _AWS_MANAGED = json.loads(iam_models.aws_managed_policies_data)
    data = _AWS_MANAGED.get(match.group(1))
    if data is None:
        return False
    policy = iam_models.AWSManagedPolicy.from_data(match.group(1), backend.account_id, backend.region_name, data)
    if policy.arn != arn:
        return False
    backend.aws_managed_policies.append(policy)
    backend.managed_policies[arn] = policy
    return True


def attach_known(backend, role, arns):
    """Attaches `arns`, remembering them on the role: the delete patch detaches exactly these (moto hands the delete
    the template's raw properties, intrinsic functions unresolved)."""
    attached = getattr(role, "cloudformation_managed_policies", set())
    for arn in arns:
        if arn not in backend.managed_policies and not load_aws_managed_policy(backend, arn):
            continue  # a policy that exists nowhere: AWS would fail the stack here
        backend.attach_role_policy(arn, role.name)
        attached.add(arn)
    role.cloudformation_managed_policies = attached


_role_create = iam_models.Role.create_from_cloudformation_json.__func__
_role_update = iam_models.Role.update_from_cloudformation_json.__func__
_role_delete = iam_models.Role.delete_from_cloudformation_json.__func__


def with_json_policies(cloudformation_json):
    """14.: the role's inline policy documents as JSON text."""
    properties = cloudformation_json.get("Properties") or {}
    policies = properties.get("Policies")
    if not isinstance(policies, list):
        return cloudformation_json
    converted = [dict(policy, PolicyDocument=json.dumps(policy["PolicyDocument"]))
                 if isinstance(policy, dict) and isinstance(policy.get("PolicyDocument"), (dict, list)) else policy
                 for policy in policies]
    return dict(cloudformation_json, Properties=dict(properties, Policies=converted))


def role_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    cloudformation_json = with_json_policies(cloudformation_json)
    role = _role_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    attach_known(iam_models.iam_backends[account_id][get_partition(region_name)], role, managed_policy_arns(cloudformation_json))
    return role


def role_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    cloudformation_json = with_json_policies(cloudformation_json)
    backend = iam_models.iam_backends[account_id][get_partition(region_name)]
    wanted = managed_policy_arns(cloudformation_json)
    attached = getattr(original_resource, "cloudformation_managed_policies", set())
    for arn in sorted(attached - set(wanted)):
        if arn in original_resource.managed_policies:
            backend.detach_role_policy(arn, original_resource.name)
    original_resource.cloudformation_managed_policies = attached & set(wanted)
    role = _role_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    attach_known(backend, role, [arn for arn in wanted if arn not in role.managed_policies])
    return role


def role_delete(cls, resource_name, cloudformation_json, account_id, region_name):
    backend = iam_models.iam_backends[account_id][get_partition(region_name)]
    try:
        role = backend.get_role(resource_name)
    except Exception:
        role = None
    if role is not None:
        for arn in sorted(getattr(role, "cloudformation_managed_policies", set())):
            if arn in role.managed_policies:
                backend.detach_role_policy(arn, resource_name)
    return _role_delete(cls, resource_name, cloudformation_json, account_id, region_name)


# 12. Stack tags on update.
def tags_given(response):
    """The tags a request sets: None when it names none, {} for an explicit empty `Tags=`."""
    members = response._get_param("Tags", [])
    if members:
        return {item["Key"]: item["Value"] for item in members}
    return {} if response.querystring.get("Tags") == [""] else None


def update_stack(self):
    tags = tags_given(self)
    result = _original["update_stack"](self)
    if tags == {}:
        self.cloudformation_backend.get_stack(self._get_param("StackName")).tags = {}
    return result


def create_change_set(self):
    tags = tags_given(self)
    result = _original["create_change_set"](self)
    change_set = self.cloudformation_backend.change_sets.get(result.result["Id"])
    if change_set is not None and tags is not None:
        change_set.tags_to_set = tags
    return result


_change_set_apply = cfn_models.ChangeSet.apply


def change_set_apply(self):
    _change_set_apply(self)
    if getattr(self, "tags_to_set", None) is not None and self.change_set_type == "UPDATE":
        self.stack.tags = dict(self.tags_to_set)


def validate_different_update(self, incoming_params, stack_body, old_stack):
    tags = tags_given(self)
    if tags is not None and tags != dict(old_stack.tags or {}):
        return  # the tags change: an update
    return _original["_validate_different_update"](self, incoming_params, stack_body, old_stack)


cfn_responses.CloudFormationResponse._validate_different_update = validate_different_update
cfn_responses.CloudFormationResponse.update_stack = update_stack
cfn_responses.CloudFormationResponse.create_change_set = create_change_set
cfn_models.ChangeSet.apply = change_set_apply
# 13. Key policies in templates.
_key_create = kms_models.Key.create_from_cloudformation_json.__func__


def key_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json.get("Properties") or {}
    if isinstance(properties.get("KeyPolicy"), (dict, list)):
        cloudformation_json = dict(cloudformation_json, Properties=dict(properties, KeyPolicy=json.dumps(properties["KeyPolicy"])))
    return _key_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)


kms_models.Key.create_from_cloudformation_json = classmethod(key_create)
s3_models.FakeBucket.create_from_cloudformation_json = classmethod(bucket_create)
s3_models.FakeBucket.update_from_cloudformation_json = classmethod(bucket_update)
iam_models.Role.create_from_cloudformation_json = classmethod(role_create)
iam_models.Role.update_from_cloudformation_json = classmethod(role_update)
iam_models.Role.delete_from_cloudformation_json = classmethod(role_delete)


if __name__ == "__main__":
    sys.exit(moto_main(sys.argv[1:]))
