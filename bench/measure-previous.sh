#!/usr/bin/env bash
# What --previous costs (issue 12: at most 2x a plain run): lints samples/ RUNS times plainly and
# RUNS times with --previous HEAD~3, in the same script run, and prints the median wall-clock ms of
# each and their ratio. git is read hardened and all previous blobs in one cat-file --batch call, so
# no analysis thread waits for a git process.
#
#   bash bench/measure-previous.sh [RUNS]
#
# Needs the CLI built (dotnet build src/CmkLint); run from anywhere inside the repository.
set -euo pipefail
RUNS="${1:-7}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
DLL="$REPO/src/CmkLint/bin/Debug/net10.0/cmklint.dll"
[ -f "$DLL" ] || { echo "build the CLI first: dotnet build src/CmkLint" >&2; exit 2; }
git -C "$REPO" rev-parse --verify --quiet 'HEAD~3^{commit}' >/dev/null || { echo "HEAD~3 does not exist in $REPO" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

run() { # prints wall-clock ms of one run (exit 0 or 1 are both results; 2 is a failure)
  local start end rc=0
  start=$(date +%s%N)
  (cd "$REPO" && dotnet "$DLL" samples --quiet --fail-level none "$@" >/dev/null 2>"$REPO/.measure-previous.err") || rc=$?
  end=$(date +%s%N)
  [ "$rc" -le 1 ] || { cat "$REPO/.measure-previous.err" >&2; exit 1; }
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
trap 'rm -f "$REPO/.measure-previous.err"' EXIT

run >/dev/null; run --previous HEAD~3 >/dev/null   # warm the disk cache and the runtime
plain=$(for _ in $(seq "$RUNS"); do run; done | median)
previous=$(for _ in $(seq "$RUNS"); do run --previous HEAD~3; done | median)
echo "plain run:             ${plain} ms (median of $RUNS)"
echo "--previous HEAD~3:     ${previous} ms (median of $RUNS)"
awk -v a="$previous" -v b="$plain" 'BEGIN {printf "ratio:                 %.2fx (target <= 2x)\n", a / b}'
