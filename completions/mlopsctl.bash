#!/bin/bash

__mlopsctl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__mlopsctl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__mlopsctl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__mlopsctl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_mlopsctl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __mlopsctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|doctor|bootstrap|publish-catalog|launch-project|promote|status|refresh|import|teardown|synth|ledger|seed-code|help)
        # Offer subcommand argument completions
        "_mlopsctl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init doctor bootstrap publish-catalog launch-project promote status refresh import teardown synth ledger seed-code help' -- "${cur}"))
        ;;
    esac
}

_mlopsctl_init() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --termination-protection --no-termination-protection --force --no-verify --version -h --help)
    repeating_options=(--trust --execution-policy --tag)
    non_repeating_options=(--out --topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --from-seed-constants --region --governance-region --dev-region --preprod-region --prod-region --qualifier --governance-account --governance-profile --dev-account --dev-profile --preprod-account --preprod-profile --prod-account --prod-profile --via --source --bootstrap-stack-name --portfolio-name --portfolio-owner --product-name --product-version)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--out')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--from-seed-constants')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(py)'
        return
        ;;
    '--region')
        return
        ;;
    '--governance-region')
        return
        ;;
    '--dev-region')
        return
        ;;
    '--preprod-region')
        return
        ;;
    '--prod-region')
        return
        ;;
    '--qualifier')
        return
        ;;
    '--governance-account')
        return
        ;;
    '--governance-profile')
        return
        ;;
    '--dev-account')
        return
        ;;
    '--dev-profile')
        return
        ;;
    '--preprod-account')
        return
        ;;
    '--preprod-profile')
        return
        ;;
    '--prod-account')
        return
        ;;
    '--prod-profile')
        return
        ;;
    '--via')
        __mlopsctl_add_completions -W 'sagemaker'$'\n''cloudformation'
        return
        ;;
    '--source')
        __mlopsctl_add_completions -W 's3'$'\n''codecommit'
        return
        ;;
    '--trust')
        return
        ;;
    '--execution-policy')
        return
        ;;
    '--bootstrap-stack-name')
        return
        ;;
    '--tag')
        return
        ;;
    '--portfolio-name')
        return
        ;;
    '--portfolio-owner')
        return
        ;;
    '--product-name')
        return
        ;;
    '--product-version')
        return
        ;;
    esac
}

_mlopsctl_doctor() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    esac
}

_mlopsctl_bootstrap() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --dry-run --allow-admin-execution-policy --force --allow-replace --org --version -h --help)
    repeating_options=(--stage)
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--stage')
        __mlopsctl_add_completions -W 'governance'$'\n''dev'$'\n''preprod'$'\n''prod'
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_publish-catalog() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --seed-code --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--seed-code')
        __mlopsctl_add_completions -d
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_launch-project() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --name --id --via --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--name')
        return
        ;;
    '--id')
        return
        ;;
    '--via')
        __mlopsctl_add_completions -W 'sagemaker'$'\n''cloudformation'
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_promote() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --latest-approved --approve --skip-gate --yes --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --project --to --model-package --reason --seed-code --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--project')
        return
        ;;
    '--to')
        __mlopsctl_add_completions -W 'governance'$'\n''dev'$'\n''preprod'$'\n''prod'
        return
        ;;
    '--model-package')
        return
        ;;
    '--reason')
        return
        ;;
    '--seed-code')
        __mlopsctl_add_completions -d
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_status() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --verify --org --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --project)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--project')
        return
        ;;
    esac
}

_mlopsctl_refresh() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --apply --cloudformation-drift --version -h --help)
    repeating_options=(--stage)
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --project)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--stage')
        __mlopsctl_add_completions -W 'governance'$'\n''dev'$'\n''preprod'$'\n''prod'
        return
        ;;
    '--project')
        return
        ;;
    esac
}

_mlopsctl_import() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --stage --stack --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--stage')
        __mlopsctl_add_completions -W 'governance'$'\n''dev'$'\n''preprod'$'\n''prod'
        return
        ;;
    '--stack')
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_teardown() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --catalog --bootstrap --all --dry-run --yes --include-adopted --org --version -h --help)
    repeating_options=(--project --stage --confirm-prod)
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --lock-timeout)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--project')
        return
        ;;
    '--stage')
        __mlopsctl_add_completions -W 'governance'$'\n''dev'$'\n''preprod'$'\n''prod'
        return
        ;;
    '--confirm-prod')
        return
        ;;
    '--lock-timeout')
        return
        ;;
    esac
}

_mlopsctl_synth() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --allow-admin-execution-policy --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --out --seed-code)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--out')
        __mlopsctl_add_completions -d
        return
        ;;
    '--seed-code')
        __mlopsctl_add_completions -d
        return
        ;;
    esac
}

_mlopsctl_ledger() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mlopsctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|runs|show|export|graph|unlock|forget)
        # Offer subcommand argument completions
        "_mlopsctl_ledger_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list runs show export graph unlock forget' -- "${cur}"))
        ;;
    esac
}

_mlopsctl_ledger_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --stage --kind --status --project)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--stage')
        return
        ;;
    '--kind')
        return
        ;;
    '--status')
        return
        ;;
    '--project')
        return
        ;;
    esac
}

_mlopsctl_ledger_runs() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --verb --outcome --limit)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--verb')
        return
        ;;
    '--outcome')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_mlopsctl_ledger_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger)
    __mlopsctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    esac
}

_mlopsctl_ledger_export() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    esac
}

_mlopsctl_ledger_graph() {
    repeating_flags=()
    non_repeating_flags=(--include-deleted --version -h --help)
    repeating_options=()
    non_repeating_options=(--ledger --format --out)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--format')
        __mlopsctl_add_completions -W 'dot'$'\n''mermaid'
        return
        ;;
    '--out')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(dot|gv|mmd)'
        return
        ;;
    esac
}

_mlopsctl_ledger_unlock() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger)
    __mlopsctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    esac
}

_mlopsctl_ledger_forget() {
    repeating_flags=()
    non_repeating_flags=(--quiet --debug --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout --ledger --reason)
    __mlopsctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    '--ledger')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_mlopsctl_seed-code() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __mlopsctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export)
        # Offer subcommand argument completions
        "_mlopsctl_seed-code_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export' -- "${cur}"))
        ;;
    esac
}

_mlopsctl_seed-code_export() {
    repeating_flags=()
    non_repeating_flags=(--force --quiet --debug --version -h --help)
    repeating_options=()
    non_repeating_options=(--topology --output --record-requests --credential-timeout --cli-connect-timeout --cli-read-timeout)
    __mlopsctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--topology')
        __mlopsctl_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __mlopsctl_add_completions -W 'table'$'\n''json'$'\n''jsonl'
        return
        ;;
    '--record-requests')
        __mlopsctl_add_completions -f
        return
        ;;
    '--credential-timeout')
        return
        ;;
    '--cli-connect-timeout')
        return
        ;;
    '--cli-read-timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __mlopsctl_add_completions -d
        return
        ;;
    esac
}

_mlopsctl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __mlopsctl_offer_flags_options -1
}

complete -o filenames -F _mlopsctl mlopsctl
