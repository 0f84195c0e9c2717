# bash completion for tlslint. Commands and options are read from tlslint's own --help at
# completion time and rule ids from `tlslint rules --format json`, so they never drift from
# the program installed.

_tlslint_commands()
{
    "$1" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

_tlslint_options()
{
    "$1" "$2" --help 2>/dev/null | grep -E '^ +-' |
        grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | sed 's/^[ ,]*//' | sort -u
}

_tlslint_rule_ids()
{
    "$1" rules --format json 2>/dev/null | grep -oE '"id":[[:space:]]*"[^"]*"' |
        sed 's/.*"\([^"]*\)"$/\1/'
}

_tlslint()
{
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    COMPREPLY=()
    if [ -z "$cmd" ]; then
        COMPREPLY=($(compgen -W "$(_tlslint_commands "$prog") --help --version" -- "$cur"))
        return 0
    fi
    case $prev in
        -f|--format)
            case $cmd in
                rules) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text sarif json" -- "$cur")) ;;
            esac
            return 0 ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning note none" -- "$cur")); return 0 ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return 0 ;;
        --disable|--enable|--rule)
            COMPREPLY=($(compgen -W "$(_tlslint_rule_ids "$prog")" -- "$cur")); return 0 ;;
        --rules|--output-dir) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
        -o|--output|--sarif|--baseline|--config|--compile-commands)
            COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        -j|--jobs|--timeout|--max-file-size|--category|--diff|--ref|--shard|--exclude)
            return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_tlslint_options "$prog" "$cmd")" -- "$cur"))
    elif [ "$cmd" = explain ]; then
        COMPREPLY=($(compgen -W "$(_tlslint_rule_ids "$prog")" -- "$cur"))
    fi
    return 0
}
complete -o default -F _tlslint tlslint
