#compdef mlopsctl

__mlopsctl_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__mlopsctl_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __mlopsctl_complete "${completions[@]:0:-1}"
    fi
}

__mlopsctl_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_mlopsctl() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'init:Write a topology file for your four accounts (asks on a terminal, or takes flags).'
            'doctor:Check that every stage'\''s profile resolves and reaches the expected account.'
            'bootstrap:Bootstrap every stage: CDK-compatible bootstrap stacks, the trust graph, least-privilege execution policies.'
            'publish-catalog:Upload the seed code and publish the SageMaker project template to Service Catalog in dev.'
            'launch-project:Create a SageMaker project from the published template.'
            'promote:Deploy a model package to a stage'\''s real-time endpoint (dev, then preprod, then prod).'
            'status:Show which model package each stage serves, since when and promoted by whom.'
            'refresh:Compare what the ledger tracks with what really exists in AWS: in sync, changed, gone, unreadable.'
            'import:Adopt a CDK bootstrap stack or the seed'\''s catalog stack made by other means (recorded as adopted).'
            'teardown:Delete what mlopsctl created (from the ledger only), in dependency order.'
            'synth:Write every template mlopsctl would deploy for the topology (no AWS call).'
            'ledger:Inspect the local ledger of everything mlopsctl created in AWS.'
            'seed-code:The SageMaker project seed code built into mlopsctl (build_app, deploy_app).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        init|doctor|bootstrap|publish-catalog|launch-project|promote|status|refresh|import|teardown|synth|ledger|seed-code|help)
            "_mlopsctl_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mlopsctl_init() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___via=('sagemaker' 'cloudformation')
    local -ar ___source=('s3' 'codecommit')
    local -ar arg_specs=(
        '--out[Where to write the topology (default\: --topology, else $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml).]:file:_files -g '\''*.yaml *.yml'\'''
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--from-seed-constants[Read the accounts and the region from the seed'\''s config/constants.py.]:file:_files -g '\''*.py'\'''
        '--region[Default region of every stage.]:region:'
        '--governance-region[Governance region, when it differs from --region.]:governance-region:'
        '--dev-region[Dev region, when it differs from --region.]:dev-region:'
        '--preprod-region[Preprod region, when it differs from --region.]:preprod-region:'
        '--prod-region[Prod region, when it differs from --region.]:prod-region:'
        '--qualifier[CDK bootstrap qualifier (\[A-Za-z0-9_-\]{1,10}; asked on a terminal; default hnb659fds).]:qualifier:'
        '--governance-account[Governance account id.]:governance-account:'
        '--governance-profile[Governance AWS profile.]:governance-profile:'
        '--dev-account[Dev account id.]:dev-account:'
        '--dev-profile[Dev AWS profile.]:dev-profile:'
        '--preprod-account[Preprod account id.]:preprod-account:'
        '--preprod-profile[Preprod AWS profile.]:preprod-profile:'
        '--prod-account[Prod account id.]:prod-account:'
        '--prod-profile[Prod AWS profile.]:prod-profile:'
        '--via[How launch-project creates projects\: sagemaker or cloudformation (asked on a terminal; default sagemaker).]:via:{__mlopsctl_complete "${___via[@]}"}'
        '--source[Where project pipelines read their code\: s3 or codecommit (asked on a terminal; default s3).]:source:{__mlopsctl_complete "${___source[@]}"}'
        '*--trust[Which stages a stage trusts (repeatable; default\: the seed'\''s graph).]:stage=stage,…:'
        '*--execution-policy[An extra execution policy of a stage\: a managed policy ARN or a .json file (repeatable).]:stage=arn|file.json:'
        '--bootstrap-stack-name[Name of the CDK bootstrap stack (default CDKToolkit).]:bootstrap-stack-name:'
        '--termination-protection[Set termination protection on the bootstrap stacks (default\: keep what is deployed).]'
        '--no-termination-protection[Set termination protection on the bootstrap stacks (default\: keep what is deployed).]'
        '*--tag[A tag of the bootstrap, catalog and project stacks (repeatable).]:key=value:'
        '--portfolio-name[Service Catalog portfolio name (default "SageMaker Organization Templates").]:portfolio-name:'
        '--portfolio-owner[Service Catalog portfolio and product owner (default "administrator").]:portfolio-owner:'
        '--product-name[Service Catalog product name (default "MLOps Foundation template for real-time deployment").]:product-name:'
        '--product-version[Version name publish-catalog publishes (default 1.0); a new one adds a version.]:product-version:'
        '--force[Overwrite an existing file.]'
        '--no-verify[Do not check the profiles against the accounts (offline).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_doctor() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_bootstrap() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___stage=('governance' 'dev' 'preprod' 'prod')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '*--stage[Only these stages (repeatable)\: governance, dev, preprod, prod.]:stage:{__mlopsctl_complete "${___stage[@]}"}'
        '--dry-run[Print the plan of each stage and change nothing (change sets are created to read the plan, then deleted).]'
        '--allow-admin-execution-policy[Allow AdministratorAccess as an execution policy (the topology must name it too).]'
        '--force[Replace a customised bootstrap or one newer than mlopsctl'\''s.]'
        '--allow-replace[Apply updates even when they replace or delete a stateful resource (its data or identity is lost).]'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--org[Bootstrap the organization'\''s member accounts through CloudFormation StackSets (the topology'\''s organization\: section).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_publish-catalog() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--seed-code[Folder holding build_app/ and deploy_app/ (default\: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).]:seed-code:_files -/'
        '--dry-run[Print what would be uploaded and changed, and change nothing.]'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_launch-project() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___via=('sagemaker' 'cloudformation')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--name[Project name\: 1-32 letters, digits and hyphens, starting with a letter.]:name:'
        '--id[Project id (1-16 lower-case letters, digits, hyphens); when left out, the ledger'\''s for this name, else generated.]:id:'
        '--via[sagemaker or cloudformation (default\: the topology'\''s project.via).]:via:{__mlopsctl_complete "${___via[@]}"}'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--dry-run[Make every check, print what would be created or updated, and change nothing.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_promote() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___to=('governance' 'dev' 'preprod' 'prod')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--project[The project name (as launched with launch-project).]:project:'
        '--to[The stage to deploy to\: dev, preprod or prod.]:to:{__mlopsctl_complete "${___to[@]}"}'
        '--model-package[The model package version ARN to serve.]:model-package:'
        '--latest-approved[Serve the newest Approved package of the project'\''s group (the default).]'
        '--approve[Approve the package first if it is PendingManualApproval.]'
        '--skip-gate[Deploy even though the previous stage does not serve the package; needs --reason.]'
        '--reason[Why the gate is skipped (recorded in the ledger).]:reason:'
        '--yes[Promote to prod without typing the prod account id (required when stdin is not a terminal).]'
        '--dry-run[Check the package, the gate and the config, plan the stack, and stop\: nothing is approved, deployed or recorded.]'
        '--seed-code[Folder holding build_app/ and deploy_app/ (default\: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).]:seed-code:_files -/'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_status() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--project[Only this project.]:project:'
        '--verify[Also read each stage'\''s endpoint stack and every tracked resource, and say what differs from the ledger.]'
        '--org[Show the organization'\''s stack sets instead\: instances current, outdated and failed per stage role.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_refresh() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___stage=('governance' 'dev' 'preprod' 'prod')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '*--stage[Only these stages (repeatable)\: governance, dev, preprod, prod.]:stage:{__mlopsctl_complete "${___stage[@]}"}'
        '--project[Only this project'\''s resources.]:project:'
        '--apply[Record the findings in the ledger\: gone rows become deletedOutOfBand.]'
        '--cloudformation-drift[Also run CloudFormation'\''s drift detection on each stack (DetectStackDrift\: not a read; waits for it).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_import() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___stage=('governance' 'dev' 'preprod' 'prod')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--stage[The stage whose account and region hold the stack\: governance, dev, preprod or prod.]:stage:{__mlopsctl_complete "${___stage[@]}"}'
        '--stack[The stack'\''s name.]:stack:'
        '--dry-run[Check the stack and say what would be recorded; record nothing.]'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_teardown() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar ___stage=('governance' 'dev' 'preprod' 'prod')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '*--project[A project to remove (repeatable).]:project:'
        '--catalog[Remove the catalog stack and the objects publish-catalog uploaded.]'
        '--bootstrap[Remove the bootstrap stacks and what they retain.]'
        '--all[Remove every project, the catalog and the bootstrap.]'
        '*--stage[Only these stages (repeatable).]:stage:{__mlopsctl_complete "${___stage[@]}"}'
        '--dry-run[Print the plan and stop.]'
        '--yes[Do not ask for confirmation (required when stdin is not a terminal).]'
        '*--confirm-prod[The prod account id, confirming deletions in prod (repeatable).]:confirm-prod:'
        '--lock-timeout[Seconds to wait for another mlopsctl run to release the ledger.]:lock-timeout:'
        '--include-adopted[Also delete what mlopsctl adopted (mlopsctl import) rather than created.]'
        '--org[With --bootstrap\: remove the organization'\''s stack sets, their instances and the buckets they left in member accounts.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_synth() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--out[Folder to write into (created when missing).]:out:_files -/'
        '--allow-admin-execution-policy[Allow AdministratorAccess as an execution policy.]'
        '--seed-code[Folder holding build_app/ and deploy_app/ (default\: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).]:seed-code:_files -/'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List the AWS resources the ledger tracks.'
            'runs:List the runs the ledger recorded: id, verb, operator, outcome and time, newest first.'
            'show:Show one run: its command, outcome, stack events and the resources it touched.'
            'export:Print the whole ledger as JSON: runs with their stack events, resources, stack sets and instances, and the lock.'
            'graph:Draw what the ledger holds: accounts, their stacks and resources, and the trust between them.'
            'unlock:Remove the ledger lock of a run that is no longer running.'
            'forget:Hand a resource over to someone else: mlopsctl stops managing it and never deletes it.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|runs|show|export|graph|unlock|forget)
            "_mlopsctl_ledger_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mlopsctl_ledger_list() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--stage[Only this stage\: governance, dev, preprod or prod.]:stage:'
        '--kind[Only this kind (e.g. stack, bucket, kmsKey).]:kind:'
        '--status[Only this status\: planned, present, failed, deleting, deleted, retained, handedOver or deletedOutOfBand.]:status:'
        '--project[Only this project.]:project:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_runs() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--verb[Only runs of this verb, e.g. bootstrap or teardown.]:verb:'
        '--outcome[Only runs with this outcome\: running, succeeded, failed or interrupted.]:outcome:'
        '--limit[At most this many runs (the newest).]:count:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_show() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        ':run-id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_export() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_graph() {
    local -i ret=1
    local -ar ___format=('dot' 'mermaid')
    local -ar arg_specs=(
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--format[dot (Graphviz) or mermaid.]:format:{__mlopsctl_complete "${___format[@]}"}'
        '--out[Write the graph to this file instead of stdout.]:file:_files -g '\''*.dot *.gv *.mmd'\'''
        '--include-deleted[Also draw resources the ledger marks deleted.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_unlock() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        '--yes[Remove the lock without asking.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_ledger_forget() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--ledger[Ledger file.]:path:_files -g '\''*.sqlite'\'''
        ':row:'
        '--reason[Why, and to whom\: kept in the ledger.]:text:'
        '--yes[Hand it over without asking.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_seed-code() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'export:Write the seed code built into mlopsctl to a folder, as a starting point for your own.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        export)
            "_mlopsctl_seed-code_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_mlopsctl_seed-code_export() {
    local -i ret=1
    local -ar ___output=('table' 'json' 'jsonl')
    local -ar arg_specs=(
        ':directory:_files -/'
        '--force[Write into a folder that already holds files (the seed code'\''s files are replaced, others kept).]'
        '--topology[Topology file.]:topology:_files -g '\''*.yaml *.yml'\'''
        '--output[Output format\: table (text), json (one document\: the result) or jsonl (one event per line, the last the result).]:output:{__mlopsctl_complete "${___output[@]}"}'
        '--quiet[Print only the result\: no progress, notes or plans on stderr (errors still are).]'
        '--debug[Log every AWS request (method, host, status, request id; never credentials) to stderr.]'
        '--record-requests[Append one JSON line per AWS request to FILE\: verb, stage, account, region, service, IAM actions.]:file:_files'
        '--credential-timeout[Seconds a credential_process helper, SSO or web identity may take before it is stopped.]:seconds:'
        '--cli-connect-timeout[Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--cli-read-timeout[Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).]:seconds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_mlopsctl_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _mlopsctl ]]; then
    _mlopsctl "${@}"
else
    compdef _mlopsctl mlopsctl
fi
