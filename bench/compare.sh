#!/usr/bin/env bash
# Whole-process comparison of cmklint and the official Bicep CLI on the same Bicep files, plus
# cmklint on the whole quickstarts corpus (ARM JSON and Bicep), a one-file run, and peak memory.
# Usage: bench/compare.sh [RUNS]   (default 3 runs each; prints medians and the ratio)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "$root/../shared/corpus/quickstarts" && pwd)
runs=${1:-3}
out=$root/bench/out
mkdir -p "$out"

echo "== publishing cmklint (Release, ReadyToRun)" >&2
dotnet publish "$root/src/CmkLint" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$out/cmklint" >"$out/publish.log" 2>&1 || { cat "$out/publish.log"; exit 2; }
cmklint="$out/cmklint/cmklint"

echo "== restoring the Bicep CLI package" >&2
dotnet restore "$root/bench/tools/BicepCli.csproj" >"$out/restore.log" 2>&1 || { cat "$out/restore.log"; exit 2; }
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep" 2>/dev/null || true
"$bicep" --version >&2

# median_seconds CMD...: runs the command $runs times (output discarded), prints the median wall time in seconds.
median_seconds() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m/1000}'
}

nbicep=$(find "$corpus" -name '*.bicep' | wc -l)
echo "== $nbicep Bicep files, $runs runs each" >&2
cd "$corpus"
t_bicep=$(median_seconds "$bicep" lint --pattern '**/*.bicep' --no-restore)
t_cmklint=$(median_seconds "$cmklint" --no-color '**/*.bicep')
ratio=$(awk -v a="$t_bicep" -v b="$t_cmklint" 'BEGIN { printf "%.1f", a / b }')
t_corpus=$(median_seconds "$cmklint" --no-color .)
one=$(find "$corpus" -name 'main.bicep' | head -n 1)
t_one=$(median_seconds "$cmklint" --no-color "$one")
peak_kb=$( { /usr/bin/time -f '%M' "$cmklint" --no-color . >/dev/null 2>/dev/null; } 2>&1 | tail -n 1)

printf '%-44s %8s s\n' "bicep lint --pattern '**/*.bicep' (median)" "$t_bicep"
printf '%-44s %8s s\n' "cmklint '**/*.bicep' (median)" "$t_cmklint"
printf '%-44s %8sx\n' "ratio (bicep / cmklint)" "$ratio"
printf '%-44s %8s s\n' "cmklint whole corpus, ARM + Bicep (median)" "$t_corpus"
printf '%-44s %8s s\n' "cmklint one file (median)" "$t_one"
printf '%-44s %8s MB\n' "cmklint whole corpus peak memory" "$(( peak_kb / 1024 ))"
