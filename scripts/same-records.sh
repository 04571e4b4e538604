#!/usr/bin/env bash
# Checks that a change leaves every record byte-identical: runs `extract` as
# built at BASE (default HEAD) and as in the working tree over the seeds, the
# fixture corpus's texts and a 1,000-article replica corpus, and compares.
#
#   scripts/same-records.sh [BASE] [COUNT]
#
# extractorVersion and rulesHash are masked: a refactor may change neither
# the output nor the rules, but it may change how they are named.
#
# Exit 0 when every record is the same, 1 with a diff summary when not.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-HEAD}"
count="${2:-1000}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach --quiet "$work/base" "$base"
ln -s "$root/node_modules" "$work/base/node_modules"
(cd "$work/base" && npx tsc -p tsconfig.build.json)
(cd "$root" && npx tsc -p tsconfig.build.json)
node "$root/scripts/corpus-inputs.mjs" "$work/inputs" "$count"

run() { # $1: checkout, $2: output file
  local bin="$1/bin/extract.js"
  {
    node "$bin" --quiet --jobs 1 "$root"/seeds/*.txt
    node "$bin" --quiet --jobs 1 --input jsonl "$work/inputs/fixtures.jsonl"
    node "$bin" --quiet "$work/inputs/replicas"
  } | sed -E 's/"(extractorVersion|rulesHash)":"[^"]*"/"\1":""/g' > "$2"
}
run "$work/base" "$work/before.jsonl"
run "$root" "$work/after.jsonl"

if cmp -s "$work/before.jsonl" "$work/after.jsonl"; then
  echo "same records: $(wc -l < "$work/after.jsonl") records identical to $base"
else
  echo "records differ from $base:" >&2
  diff <(cut -c1-300 "$work/before.jsonl") <(cut -c1-300 "$work/after.jsonl") | head -20 >&2
  exit 1
fi
