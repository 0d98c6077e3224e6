#!/usr/bin/env bash
# Re-makes ledger.sqlite in this folder with a given mlopsctl binary, on a private moto emulator with the
# default account ids (111…, 222…, 333…, 444…), profiles/local.yaml and a fixed project id, so that the
# accounts, names and ids the ledger records are the same every time. See README.md next to this script.
#
#   Tests/IntegrationTests/Fixtures/ledger-0.1.0/make-fixture.sh BIN
set -euo pipefail
[[ $# -eq 1 && -x $1 ]] || { echo "usage: $0 MLOPSCTL_BINARY" >&2; exit 2; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/ledger-fixture.XXXXXX")
cleanup() { "$root/scripts/local-aws" stop --dir "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT

cd "$root"
eval "$(scripts/local-aws start --dir "$dir")"
export MLOPSCTL_LEDGER="$dir/ledger.sqlite"
# The same steps as scripts/run-local up to the project (run-local's put_lead_role, then the three verbs).
"$bin" bootstrap
aws --profile local-dev ssm put-parameter --name /mlops/role/lead --type String --overwrite \
    --value arn:aws:iam::222222222222:role/mlops-lead-data-scientist >/dev/null
"$bin" publish-catalog
"$bin" launch-project --name demo --id p-fixture00001
# One self-contained file (no -wal/-shm beside it).
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.execute("PRAGMA journal_mode=DELETE"); c.close()' "$MLOPSCTL_LEDGER"
cp "$MLOPSCTL_LEDGER" "$here/ledger.sqlite"
echo "wrote $here/ledger.sqlite ($("$bin" --version))"
