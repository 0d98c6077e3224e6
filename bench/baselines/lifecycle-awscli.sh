#!/usr/bin/env bash
# The job of `mlopsctl bootstrap; publish-catalog; launch-project --via cloudformation; teardown --all --yes`, done with
# the AWS CLI the way the seed's cdk-account-setup.sh works: accounts one after another, `aws cloudformation deploy`
# (change set, waiter, execute, waiter) per stack, `aws s3 cp` for the assets, then everything deleted in order.
# bench/lifecycle runs it against the same emulator state as mlopsctl and checks both end where they began.
#
#   bench/baselines/lifecycle-awscli.sh SYNTH_DIR SEED_DIR PROJECT ID
#
# SYNTH_DIR: what `mlopsctl synth --out` wrote (the same templates and parameters mlopsctl deploys); SEED_DIR: what
# `mlopsctl seed-code export` wrote (build_app/, deploy_app/). Profiles local-<stage> and the emulator's config come
# from the environment (`scripts/local-aws start`). Same stacks, same buckets and keys as mlopsctl's run. Differences,
# all in the CLI's favour or neutral: the seed zips are made by `zip -X` (same files, not mlopsctl's byte-exact
# deterministic zip; uploaded under the keys the catalog template names); no ledger is written; no progress shown.
set -euo pipefail
synth=$1 seed=$2 project=$3 id=$4
stages=(governance dev preprod prod)
qualifier=hnb659fds
work=$(mktemp -d "${TMPDIR:-/tmp}/lifecycle-awscli.XXXXXX")
trap 'rm -rf "$work"' EXIT

account_of() { case $1 in governance) echo 111111111111 ;; dev) echo 222222222222 ;; preprod) echo 333333333333 ;; prod) echo 444444444444 ;; esac; }

# Key=Value lines of a synth parameters file (the AWS CLI's file form).
parameters_of() {
    python3 -c 'import json, sys
for p in json.load(open(sys.argv[1])): print(p["ParameterKey"] + "=" + p["ParameterValue"])' "$1"
}

# deploy PROFILE TEMPLATE STACK [Key=Value overrides...]: one stack, as `aws cloudformation deploy` does it.
deploy() {
    local profile=$1 template=$2 stack=$3 parameters=() listed
    shift 3
    listed=$(parameters_of "${template%.template.json}.parameters.json")  # fails the script when unreadable
    [[ -z $listed ]] || mapfile -t parameters <<<"$listed"
    parameters+=("$@")
    aws --profile "$profile" cloudformation deploy --template-file "$template" --stack-name "$stack" \
        --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
        ${parameters[@]+--parameter-overrides "${parameters[@]}"} >/dev/null
}

# The physical id of a stack's resource. (Its Outputs would say the same, but moto fills no Outputs in a stack deployed
# through a change set, which is how `aws cloudformation deploy` works.)
physical_id() {  # PROFILE STACK LOGICAL_ID
    # (list-stack-resources: moto's describe-stack-resource fails on the resources it does not model)
    aws --profile "$1" cloudformation list-stack-resources --stack-name "$2" --output text \
        --query "StackResourceSummaries[?LogicalResourceId=='$3'].PhysicalResourceId | [0]"
}

resources_of() {  # PROFILE STACK TYPE: physical ids
    aws --profile "$1" cloudformation list-stack-resources --stack-name "$2" --output text \
        --query "StackResourceSummaries[?ResourceType=='$3'].PhysicalResourceId"
}

delete_stack() {  # PROFILE STACK
    aws --profile "$1" cloudformation delete-stack --stack-name "$2"
    aws --profile "$1" cloudformation wait stack-delete-complete --stack-name "$2"
}

# Every version and delete marker, a page (≤1000) at a time.
empty_bucket() {  # PROFILE BUCKET
    local page
    while :; do
        page=$(aws --profile "$1" s3api list-object-versions --bucket "$2" --max-items 1000 --output json \
            --query '{Objects: [Versions, DeleteMarkers][][].{Key: Key, VersionId: VersionId}, Quiet: `true`}')
        [[ $page == *'"Key"'* ]] || return 0
        aws --profile "$1" s3api delete-objects --bucket "$2" --delete "$page" >/dev/null
    done
}

# --- bootstrap: each account in turn, the execution policy's stack then the CDK bootstrap stack ---------------------
for stage in "${stages[@]}"; do
    deploy "local-$stage" "$synth/$stage/mlopsctl-$qualifier-cfn-exec-$stage.template.json" "mlopsctl-$qualifier-cfn-exec-$stage"
    deploy "local-$stage" "$synth/$stage/CDKToolkit.template.json" CDKToolkit
done

# --- publish-catalog: the seed zips and the project template into dev's staging bucket, then the catalog stack --------
bucket=$(physical_id local-dev CDKToolkit StagingBucket)
lead=$(aws --profile local-dev ssm get-parameter --name /mlops/role/lead --query Parameter.Value --output text)
catalog="$synth/dev/mlopsctl-$qualifier-catalog.template.json"
read -r build_key deploy_key template_key < <(python3 -c 'import json, sys
resources = json.load(open(sys.argv[1]))["Resources"].values()
value = {r["Properties"]["Name"]: r["Properties"]["Value"] for r in resources if r["Type"] == "AWS::SSM::Parameter"}
text = open(sys.argv[1]).read()
template = next(part.split("/")[-1].rstrip("\"") for part in text.split() if part.startswith("\"https://s3.") and ".json" in part)
print(value["/mlops/code/build"], value["/mlops/code/deploy"], template)' "$catalog")
(cd "$seed/build_app" && zip -qrX "$work/build.zip" .)
(cd "$seed/deploy_app" && zip -qrX "$work/deploy.zip" .)
aws --profile local-dev s3 cp --only-show-errors "$work/build.zip" "s3://$bucket/$build_key"
aws --profile local-dev s3 cp --only-show-errors "$work/deploy.zip" "s3://$bucket/$deploy_key"
aws --profile local-dev s3 cp --only-show-errors "$synth/dev/project.template.json" "s3://$bucket/$template_key"
# synth stands in an ARN for the lead role (publish-catalog reads it from SSM, as above).
sed "s|arn:aws:iam::222222222222:role/mlops-lead-from-ssm-parameter|$lead|g" "$catalog" >"$work/catalog.template.json"
cp "${catalog%.template.json}.parameters.json" "$work/catalog.parameters.json"
deploy local-dev "$work/catalog.template.json" "mlopsctl-$qualifier-catalog"

# --- launch-project --via cloudformation: the project stack, then the seed zips into its source bucket ------------
project_stack="mlops-project-$project-$id"
deploy local-dev "$synth/dev/project.template.json" "$project_stack" "SageMakerProjectName=$project" "SageMakerProjectId=$id"
source_bucket=$(physical_id local-dev "$project_stack" SourceBucket)
aws --profile local-dev s3 cp --only-show-errors "s3://$bucket/$build_key" "s3://$source_bucket/$build_key"
aws --profile local-dev s3 cp --only-show-errors "s3://$bucket/$deploy_key" "s3://$source_bucket/$deploy_key"

# --- teardown: the project (buckets emptied, keys scheduled 7 days), the catalog, then each account's bootstrap -----
for b in $(resources_of local-dev "$project_stack" AWS::S3::Bucket); do empty_bucket local-dev "$b"; done
for k in $(resources_of local-dev "$project_stack" AWS::KMS::Key); do
    aws --profile local-dev kms schedule-key-deletion --key-id "$k" --pending-window-in-days 7 >/dev/null
done
delete_stack local-dev "$project_stack"
delete_stack local-dev "mlopsctl-$qualifier-catalog"
for stage in "${stages[@]}"; do
    profile="local-$stage"
    staging=$(physical_id "$profile" CDKToolkit StagingBucket)
    repository=$(physical_id "$profile" CDKToolkit ContainerAssetsRepository)
    empty_bucket "$profile" "$staging"
    images=$(aws --profile "$profile" ecr list-images --repository-name "$repository" --query 'imageIds' --output json)
    [[ $images == "[]" ]] || aws --profile "$profile" ecr batch-delete-image --repository-name "$repository" --image-ids "$images" >/dev/null
    delete_stack "$profile" CDKToolkit
    aws --profile "$profile" s3api delete-bucket --bucket "$staging"  # the staging bucket is retained by its stack
    policy_stack="mlopsctl-$qualifier-cfn-exec-$stage"
    policy=$(resources_of "$profile" "$policy_stack" AWS::IAM::ManagedPolicy)
    delete_stack "$profile" "$policy_stack"
    # AWS deletes the stack's managed policy with it; the emulator keeps it, so it goes by hand when still there.
    if [[ -n $policy ]] && aws --profile "$profile" iam get-policy --policy-arn "$policy" >/dev/null 2>&1; then
        aws --profile "$profile" iam delete-policy --policy-arn "$policy"
    fi
done
