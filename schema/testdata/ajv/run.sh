#!/usr/bin/env bash
# Checks the schemas with ajv (npm), an independent JSON Schema 2020-12
# validator: each is a valid schema and the examples get the same verdicts
# as civickit's validator. Needs node and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund ajv@8 ajv-formats@3 >/dev/null)
NODE_PATH="$work/node_modules" node "$(dirname "$0")/check.cjs" "$root"
