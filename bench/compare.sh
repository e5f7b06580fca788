#!/usr/bin/env bash
# Whole-process comparison of cmklint and the official Bicep CLI on the same Bicep files, plus
# cmklint on the whole quickstarts corpus (ARM JSON and Bicep), a one-file run, and peak memory.
# Usage: bench/compare.sh [RUNS]   (default 3 runs each; prints medians and the ratio)
# Wall times depend on what else the machine runs: the load average is printed before and after,
# and CPU seconds (user + sys, also medians) are given beside each wall time as the steadier figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
out=$root/bench/out
mkdir -p "$out"

# The corpus is shared/ beside the repository; a git worktree sits deeper than the main checkout.
corpus=
for dir in "$root/.." "$root/../.." "$root/../../.."; do
  if [ -d "$dir/shared/corpus/quickstarts" ]; then corpus=$(cd "$dir/shared/corpus/quickstarts" && pwd); break; fi
done
[ -n "$corpus" ] || { echo "compare.sh: shared/corpus/quickstarts not found beside the repository" >&2; exit 2; }

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

# measure CMD...: runs the command $runs times (output discarded); prints "WALL CPU" medians in seconds.
measure() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    # GNU time writes "Command exited with non-zero status N" first when the command fails (bicep lint does, on findings).
    read -r wall user sys < <(tail -n 1 "$out/time.txt")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  done
  printf '%s %s\n' "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m}'
}

cd "$corpus"
nbicep=$(find . -name '*.bicep' | wc -l)
nall=$(find . -name '*.json' -o -name '*.bicep' -o -name '*.bicepparam' | wc -l)
echo "== $nbicep Bicep files, $nall files in all, $runs runs each; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# What cmklint made of the Bicep files (before the Bicep front end is merged, it reads none of them).
"$cmklint" --no-color '**/*.bicep' 2>&1 | sed -n '$s/^/   cmklint: /p' >&2 || true

read -r w_bicep c_bicep < <(measure "$bicep" lint --pattern '**/*.bicep' --no-restore)
echo "   bicep lint: $w_bicep s wall, $c_bicep s CPU" >&2
read -r w_cmk c_cmk < <(measure "$cmklint" --no-color '**/*.bicep')
echo "   cmklint '**/*.bicep': $w_cmk s wall, $c_cmk s CPU" >&2
read -r w_corpus c_corpus < <(measure "$cmklint" --no-color .)
one_arm=$(find . -name azuredeploy.json | sort | sed -n 1p)
one_bicep=$(find . -name main.bicep | sort | sed -n 1p)
read -r w_one c_one < <(measure "$cmklint" --no-color "$one_arm")
read -r w_oneb c_oneb < <(measure "$cmklint" --no-color "$one_bicep")
/usr/bin/time -f '%M' -o "$out/peak.txt" "$cmklint" --no-color . >/dev/null 2>&1 || true
peak_kb=$(tail -n 1 "$out/peak.txt")
ratio=$(awk -v a="$w_bicep" -v b="$w_cmk" 'BEGIN { printf "%.1f", a / b }')
cratio=$(awk -v a="$c_bicep" -v b="$c_cmk" 'BEGIN { printf "%.1f", a / b }')

printf '%-46s %9s %9s\n' "median of $runs runs" "wall s" "CPU s"
printf '%-46s %9s %9s\n' "bicep lint --pattern '**/*.bicep'" "$w_bicep" "$c_bicep"
printf '%-46s %9s %9s\n' "cmklint '**/*.bicep'" "$w_cmk" "$c_cmk"
printf '%-46s %8sx %8sx\n' "ratio (bicep / cmklint)" "$ratio" "$cratio"
printf '%-46s %9s %9s\n' "cmklint . (whole corpus, ARM + Bicep)" "$w_corpus" "$c_corpus"
printf '%-46s %9s %9s\n' "cmklint one ARM template" "$w_one" "$c_one"
printf '%-46s %9s %9s\n' "cmklint one Bicep file" "$w_oneb" "$c_oneb"
printf '%-46s %9s MB\n' "cmklint . peak memory (max RSS)" "$(( peak_kb / 1024 ))"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
