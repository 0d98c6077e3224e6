function __mlopsctl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mlopsctl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mlopsctl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mlopsctl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mlopsctl_parse_tokens -S
    set -l unparsed_tokens (__mlopsctl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mlopsctl'
        __mlopsctl_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'init'
            __mlopsctl_parse_subcommand 0 'out=' 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'from-seed-constants=' 'region=' 'governance-region=' 'dev-region=' 'preprod-region=' 'prod-region=' 'qualifier=' 'governance-account=' 'governance-profile=' 'dev-account=' 'dev-profile=' 'preprod-account=' 'preprod-profile=' 'prod-account=' 'prod-profile=' 'via=' 'source=' 'trust=+' 'execution-policy=+' 'bootstrap-stack-name=' 'termination-protection' 'no-termination-protection' 'tag=+' 'portfolio-name=' 'portfolio-owner=' 'product-name=' 'product-version=' 'force' 'no-verify' 'version' 'h/help'
        case 'doctor'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'version' 'h/help'
        case 'bootstrap'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'stage=+' 'dry-run' 'allow-admin-execution-policy' 'force' 'allow-replace' 'lock-timeout=' 'org' 'version' 'h/help'
        case 'publish-catalog'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'seed-code=' 'dry-run' 'lock-timeout=' 'version' 'h/help'
        case 'launch-project'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'name=' 'id=' 'via=' 'lock-timeout=' 'dry-run' 'version' 'h/help'
        case 'promote'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'project=' 'to=' 'model-package=' 'latest-approved' 'approve' 'skip-gate' 'reason=' 'yes' 'dry-run' 'seed-code=' 'lock-timeout=' 'version' 'h/help'
        case 'status'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'project=' 'verify' 'org' 'version' 'h/help'
        case 'refresh'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'stage=+' 'project=' 'apply' 'cloudformation-drift' 'version' 'h/help'
        case 'import'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'stage=' 'stack=' 'dry-run' 'lock-timeout=' 'version' 'h/help'
        case 'teardown'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'project=+' 'catalog' 'bootstrap' 'all' 'stage=+' 'dry-run' 'yes' 'confirm-prod=+' 'lock-timeout=' 'include-adopted' 'org' 'version' 'h/help'
        case 'synth'
            __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'out=' 'allow-admin-execution-policy' 'seed-code=' 'version' 'h/help'
        case 'ledger'
            __mlopsctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'stage=' 'kind=' 'status=' 'project=' 'version' 'h/help'
            case 'runs'
                __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'verb=' 'outcome=' 'limit=' 'version' 'h/help'
            case 'show'
                __mlopsctl_parse_subcommand 1 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'version' 'h/help'
            case 'export'
                __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'version' 'h/help'
            case 'graph'
                __mlopsctl_parse_subcommand 0 'ledger=' 'format=' 'out=' 'include-deleted' 'version' 'h/help'
            case 'unlock'
                __mlopsctl_parse_subcommand 0 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'yes' 'version' 'h/help'
            case 'forget'
                __mlopsctl_parse_subcommand 1 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'ledger=' 'reason=' 'yes' 'version' 'h/help'
            end
        case 'seed-code'
            __mlopsctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'export'
                __mlopsctl_parse_subcommand 1 'force' 'topology=' 'output=' 'quiet' 'debug' 'record-requests=' 'credential-timeout=' 'cli-connect-timeout=' 'cli-read-timeout=' 'version' 'h/help'
            end
        case 'help'
            __mlopsctl_parse_subcommand -r 1 'version'
        end
    end
end

function __mlopsctl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mlopsctl_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __mlopsctl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mlopsctl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mlopsctl_tokens -p)
    if test -z "$(__mlopsctl_tokens -t)"
        set -l index (count (__mlopsctl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mlopsctl' -f
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'init' -d 'Write a topology file for your four accounts (asks on a terminal, or takes flags).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'doctor' -d 'Check that every stage\'s profile resolves and reaches the expected account.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'bootstrap' -d 'Bootstrap every stage: CDK-compatible bootstrap stacks, the trust graph, least-privilege execution policies.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'publish-catalog' -d 'Upload the seed code and publish the SageMaker project template to Service Catalog in dev.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'launch-project' -d 'Create a SageMaker project from the published template.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'promote' -d 'Deploy a model package to a stage\'s real-time endpoint (dev, then preprod, then prod).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'status' -d 'Show which model package each stage serves, since when and promoted by whom.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'refresh' -d 'Compare what the ledger tracks with what really exists in AWS: in sync, changed, gone, unreadable.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'import' -d 'Adopt a CDK bootstrap stack or the seed\'s catalog stack made by other means (recorded as adopted).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'teardown' -d 'Delete what mlopsctl created (from the ledger only), in dependency order.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'synth' -d 'Write every template mlopsctl would deploy for the topology (no AWS call).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'ledger' -d 'Inspect the local ledger of everything mlopsctl created in AWS.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'seed-code' -d 'The SageMaker project seed code built into mlopsctl (build_app, deploy_app).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" out' -l 'out' -d 'Where to write the topology (default: --topology, else $MLOPSCTL_TOPOLOGY, else ./mlopsctl.yaml).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" from-seed-constants' -l 'from-seed-constants' -d 'Read the accounts and the region from the seed\'s config/constants.py.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'py\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" region' -l 'region' -d 'Default region of every stage.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" governance-region' -l 'governance-region' -d 'Governance region, when it differs from --region.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" dev-region' -l 'dev-region' -d 'Dev region, when it differs from --region.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" preprod-region' -l 'preprod-region' -d 'Preprod region, when it differs from --region.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" prod-region' -l 'prod-region' -d 'Prod region, when it differs from --region.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" qualifier' -l 'qualifier' -d 'CDK bootstrap qualifier ([A-Za-z0-9_-]{1,10}; asked on a terminal; default hnb659fds).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" governance-account' -l 'governance-account' -d 'Governance account id.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" governance-profile' -l 'governance-profile' -d 'Governance AWS profile.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" dev-account' -l 'dev-account' -d 'Dev account id.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" dev-profile' -l 'dev-profile' -d 'Dev AWS profile.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" preprod-account' -l 'preprod-account' -d 'Preprod account id.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" preprod-profile' -l 'preprod-profile' -d 'Preprod AWS profile.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" prod-account' -l 'prod-account' -d 'Prod account id.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" prod-profile' -l 'prod-profile' -d 'Prod AWS profile.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" via' -l 'via' -d 'How launch-project creates projects: sagemaker or cloudformation (asked on a terminal; default sagemaker).' -rfka 'sagemaker cloudformation'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" source' -l 'source' -d 'Where project pipelines read their code: s3 or codecommit (asked on a terminal; default s3).' -rfka 's3 codecommit'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init"' -l 'trust' -d 'Which stages a stage trusts (repeatable; default: the seed\'s graph).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init"' -l 'execution-policy' -d 'An extra execution policy of a stage: a managed policy ARN or a .json file (repeatable).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" bootstrap-stack-name' -l 'bootstrap-stack-name' -d 'Name of the CDK bootstrap stack (default CDKToolkit).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" termination-protection' -l 'termination-protection' -d 'Set termination protection on the bootstrap stacks (default: keep what is deployed).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" no-termination-protection' -l 'no-termination-protection' -d 'Set termination protection on the bootstrap stacks (default: keep what is deployed).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init"' -l 'tag' -d 'A tag of the bootstrap, catalog and project stacks (repeatable).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" portfolio-name' -l 'portfolio-name' -d 'Service Catalog portfolio name (default "SageMaker Organization Templates").' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" portfolio-owner' -l 'portfolio-owner' -d 'Service Catalog portfolio and product owner (default "administrator").' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" product-name' -l 'product-name' -d 'Service Catalog product name (default "MLOps Foundation template for real-time deployment").' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" product-version' -l 'product-version' -d 'Version name publish-catalog publishes (default 1.0); a new one adds a version.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" force' -l 'force' -d 'Overwrite an existing file.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" no-verify' -l 'no-verify' -d 'Do not check the profiles against the accounts (offline).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl doctor" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap"' -l 'stage' -d 'Only these stages (repeatable): governance, dev, preprod, prod.' -rfka 'governance dev preprod prod'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" dry-run' -l 'dry-run' -d 'Print the plan of each stage and change nothing (change sets are created to read the plan, then deleted).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" allow-admin-execution-policy' -l 'allow-admin-execution-policy' -d 'Allow AdministratorAccess as an execution policy (the topology must name it too).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" force' -l 'force' -d 'Replace a customised bootstrap or one newer than mlopsctl\'s.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" allow-replace' -l 'allow-replace' -d 'Apply updates even when they replace or delete a stateful resource (its data or identity is lost).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" org' -l 'org' -d 'Bootstrap the organization\'s member accounts through CloudFormation StackSets (the topology\'s organization: section).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl bootstrap" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" seed-code' -l 'seed-code' -d 'Folder holding build_app/ and deploy_app/ (default: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).' -rfa '(__mlopsctl_complete_directories)'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" dry-run' -l 'dry-run' -d 'Print what would be uploaded and changed, and change nothing.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl publish-catalog" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" name' -l 'name' -d 'Project name: 1-32 letters, digits and hyphens, starting with a letter.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" id' -l 'id' -d 'Project id (1-16 lower-case letters, digits, hyphens); when left out, the ledger\'s for this name, else generated.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" via' -l 'via' -d 'sagemaker or cloudformation (default: the topology\'s project.via).' -rfka 'sagemaker cloudformation'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" dry-run' -l 'dry-run' -d 'Make every check, print what would be created or updated, and change nothing.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl launch-project" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" project' -l 'project' -d 'The project name (as launched with launch-project).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" to' -l 'to' -d 'The stage to deploy to: dev, preprod or prod.' -rfka 'governance dev preprod prod'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" model-package' -l 'model-package' -d 'The model package version ARN to serve.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" latest-approved' -l 'latest-approved' -d 'Serve the newest Approved package of the project\'s group (the default).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" approve' -l 'approve' -d 'Approve the package first if it is PendingManualApproval.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" skip-gate' -l 'skip-gate' -d 'Deploy even though the previous stage does not serve the package; needs --reason.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" reason' -l 'reason' -d 'Why the gate is skipped (recorded in the ledger).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" yes' -l 'yes' -d 'Promote to prod without typing the prod account id (required when stdin is not a terminal).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" dry-run' -l 'dry-run' -d 'Check the package, the gate and the config, plan the stack, and stop: nothing is approved, deployed or recorded.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" seed-code' -l 'seed-code' -d 'Folder holding build_app/ and deploy_app/ (default: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).' -rfa '(__mlopsctl_complete_directories)'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl promote" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" project' -l 'project' -d 'Only this project.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" verify' -l 'verify' -d 'Also read each stage\'s endpoint stack and every tracked resource, and say what differs from the ledger.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" org' -l 'org' -d 'Show the organization\'s stack sets instead: instances current, outdated and failed per stage role.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh"' -l 'stage' -d 'Only these stages (repeatable): governance, dev, preprod, prod.' -rfka 'governance dev preprod prod'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" project' -l 'project' -d 'Only this project\'s resources.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" apply' -l 'apply' -d 'Record the findings in the ledger: gone rows become deletedOutOfBand.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" cloudformation-drift' -l 'cloudformation-drift' -d 'Also run CloudFormation\'s drift detection on each stack (DetectStackDrift: not a read; waits for it).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl refresh" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" stage' -l 'stage' -d 'The stage whose account and region hold the stack: governance, dev, preprod or prod.' -rfka 'governance dev preprod prod'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" stack' -l 'stack' -d 'The stack\'s name.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" dry-run' -l 'dry-run' -d 'Check the stack and say what would be recorded; record nothing.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown"' -l 'project' -d 'A project to remove (repeatable).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" catalog' -l 'catalog' -d 'Remove the catalog stack and the objects publish-catalog uploaded.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" bootstrap' -l 'bootstrap' -d 'Remove the bootstrap stacks and what they retain.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" all' -l 'all' -d 'Remove every project, the catalog and the bootstrap.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown"' -l 'stage' -d 'Only these stages (repeatable).' -rfka 'governance dev preprod prod'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" dry-run' -l 'dry-run' -d 'Print the plan and stop.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" yes' -l 'yes' -d 'Do not ask for confirmation (required when stdin is not a terminal).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown"' -l 'confirm-prod' -d 'The prod account id, confirming deletions in prod (repeatable).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" lock-timeout' -l 'lock-timeout' -d 'Seconds to wait for another mlopsctl run to release the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" include-adopted' -l 'include-adopted' -d 'Also delete what mlopsctl adopted (mlopsctl import) rather than created.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" org' -l 'org' -d 'With --bootstrap: remove the organization\'s stack sets, their instances and the buckets they left in member accounts.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl teardown" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" out' -l 'out' -d 'Folder to write into (created when missing).' -rfa '(__mlopsctl_complete_directories)'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" allow-admin-execution-policy' -l 'allow-admin-execution-policy' -d 'Allow AdministratorAccess as an execution policy.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" seed-code' -l 'seed-code' -d 'Folder holding build_app/ and deploy_app/ (default: $MLOPSCTL_SEED_CODE, else the seed code built into mlopsctl).' -rfa '(__mlopsctl_complete_directories)'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl synth" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'list' -d 'List the AWS resources the ledger tracks.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'runs' -d 'List the runs the ledger recorded: id, verb, operator, outcome and time, newest first.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'show' -d 'Show one run: its command, outcome, stack events and the resources it touched.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'export' -d 'Print the whole ledger as JSON: runs with their stack events, resources, stack sets and instances, and the lock.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'graph' -d 'Draw what the ledger holds: accounts, their stacks and resources, and the trust between them.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'unlock' -d 'Remove the ledger lock of a run that is no longer running.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl ledger" -eq 1' -fa 'forget' -d 'Hand a resource over to someone else: mlopsctl stops managing it and never deletes it.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" stage' -l 'stage' -d 'Only this stage: governance, dev, preprod or prod.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" kind' -l 'kind' -d 'Only this kind (e.g. stack, bucket, kmsKey).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" status' -l 'status' -d 'Only this status: planned, present, failed, deleting, deleted, retained, handedOver or deletedOutOfBand.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" project' -l 'project' -d 'Only this project.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" verb' -l 'verb' -d 'Only runs of this verb, e.g. bootstrap or teardown.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" outcome' -l 'outcome' -d 'Only runs with this outcome: running, succeeded, failed or interrupted.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" limit' -l 'limit' -d 'At most this many runs (the newest).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger runs" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" format' -l 'format' -d 'dot (Graphviz) or mermaid.' -rfka 'dot mermaid'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" out' -l 'out' -d 'Write the graph to this file instead of stdout.' -rfa '(set -l exts \'dot\' \'gv\' \'mmd\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" include-deleted' -l 'include-deleted' -d 'Also draw resources the ledger marks deleted.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger graph" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" yes' -l 'yes' -d 'Remove the lock without asking.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger unlock" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" ledger' -l 'ledger' -d 'Ledger file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'sqlite\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" reason' -l 'reason' -d 'Why, and to whom: kept in the ledger.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" yes' -l 'yes' -d 'Hand it over without asking.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl ledger forget" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl seed-code" -eq 1' -fa 'export' -d 'Write the seed code built into mlopsctl to a folder, as a starting point for your own.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_positional "mlopsctl seed-code export" -eq 1' -fa '(__mlopsctl_complete_directories)'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" force' -l 'force' -d 'Write into a folder that already holds files (the seed code\'s files are replaced, others kept).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" topology' -l 'topology' -d 'Topology file.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" output' -l 'output' -d 'Output format: table (text), json (one document: the result) or jsonl (one event per line, the last the result).' -rfka 'table json jsonl'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" quiet' -l 'quiet' -d 'Print only the result: no progress, notes or plans on stderr (errors still are).'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" debug' -l 'debug' -d 'Log every AWS request (method, host, status, request id; never credentials) to stderr.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" record-requests' -l 'record-requests' -d 'Append one JSON line per AWS request to FILE: verb, stage, account, region, service, IAM actions.' -rF
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" credential-timeout' -l 'credential-timeout' -d 'Seconds a credential_process helper, SSO or web identity may take before it is stopped.' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" cli-connect-timeout' -l 'cli-connect-timeout' -d 'Seconds to wait for a connection to AWS; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" cli-read-timeout' -l 'cli-read-timeout' -d 'Seconds a connection to AWS may stay silent while a response is due; 0 waits without limit (default 60, as the AWS CLI).' -rfka ''
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" version' -l 'version' -d 'Show the version.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl seed-code export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mlopsctl' -n '__mlopsctl_should_offer_completions_for_flags_or_options "mlopsctl help" version' -l 'version' -d 'Show the version.'
