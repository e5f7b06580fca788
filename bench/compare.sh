#!/usr/bin/env bash
# Whole-process comparison of cmklint and the official Bicep CLI on the same Bicep files, plus
# cmklint on the whole quickstarts corpus (ARM JSON and Bicep), a one-file run, peak memory, the
# Azure Verified Modules repository (corpus/avm) and a --changed-since run on it with one module changed.
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
avm=$(cd "$corpus/../avm" 2>/dev/null && pwd || true)

# Two builds: the native one (Native AOT, the release executable, measured throughout) and the ReadyToRun
# one (what `dotnet tool install` gives: framework-dependent, JIT for what ReadyToRun does not cover).
echo "== publishing cmklint (Release, native)" >&2
dotnet publish "$root/src/CmkLint" -c Release -f net10.0 -r linux-x64 -p:CmkLintNative=true \
  -o "$out/cmklint-native" >"$out/publish-native.log" 2>&1 || { cat "$out/publish-native.log"; echo "compare.sh: the native build needs clang and zlib1g-dev" >&2; exit 2; }
echo "== publishing cmklint (Release, ReadyToRun)" >&2
dotnet publish "$root/src/CmkLint" -c Release -f net10.0 -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$out/cmklint" >"$out/publish.log" 2>&1 || { cat "$out/publish.log"; exit 2; }
cmklint="$out/cmklint-native/cmklint"
r2r="$out/cmklint/cmklint"

echo "== restoring the Bicep CLI package" >&2
dotnet restore "$root/bench/tools/BicepCli.csproj" >"$out/restore.log" 2>&1 || { cat "$out/restore.log"; exit 2; }
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep" 2>/dev/null || true
"$bicep" --version >&2

# measure CMD...: runs the command $runs times (output discarded); prints "WALL CPU PEAK_MB" medians (seconds, MB).
measure() {
  local walls=() cpus=() peaks=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    # GNU time writes "Command exited with non-zero status N" first when the command fails (bicep lint does, on findings).
    read -r wall user sys peak < <(tail -n 1 "$out/time.txt")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
    peaks+=("$((peak / 1024))")
  done
  printf '%s %s %s\n' "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${peaks[@]}")"
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

read -r w_bicep c_bicep _ < <(measure "$bicep" lint --pattern '**/*.bicep' --no-restore)
echo "   bicep lint: $w_bicep s wall, $c_bicep s CPU" >&2
read -r w_cmk c_cmk _ < <(measure "$cmklint" --no-color '**/*.bicep')
echo "   cmklint '**/*.bicep': $w_cmk s wall, $c_cmk s CPU" >&2
read -r w_r2r c_r2r _ < <(measure "$r2r" --no-color '**/*.bicep')
read -r w_corpus c_corpus peak_mb < <(measure "$cmklint" --no-color .)
read -r w_corpus_r2r c_corpus_r2r peak_r2r < <(measure "$r2r" --no-color .)
one_arm=$(find . -name azuredeploy.json | sort | sed -n 1p)
one_bicep=$(find . -name main.bicep | sort | sed -n 1p)
read -r w_one c_one _ < <(measure "$cmklint" --no-color "$one_arm")
read -r w_oneb c_oneb _ < <(measure "$cmklint" --no-color "$one_bicep")

# The AVM repository, whole, then as a pull request changing one module: a git copy of the corpus with
# one commit on top that edits the container registry's replication module (called by the registry module).
w_avm=- c_avm=- peak_avm=- w_avm_r2r=- c_avm_r2r=- peak_avm_r2r=- w_changed=- c_changed=- peak_changed=- affected=-
if [ -n "$avm" ]; then
  cd "$avm"
  echo "== AVM: $(find . -name '*.json' -o -name '*.bicep' -o -name '*.bicepparam' | wc -l) files; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  read -r w_avm c_avm peak_avm < <(measure "$cmklint" --no-color .)
  read -r w_avm_r2r c_avm_r2r peak_avm_r2r < <(measure "$r2r" --no-color .)
  pr=$out/avm-pr
  rm -rf "$pr"
  cp -r "$avm" "$pr"
  module=res/container-registry/registry/replication/main.bicep
  git_pr() { git -C "$pr" -c user.name=bench -c user.email=bench@cmklint.invalid -c commit.gpgsign=false "$@"; }
  git_pr init -q -b main && git_pr add -A && git_pr commit -qm base
  printf '\n// changed by bench/compare.sh\n' >>"$pr/$module"
  git_pr commit -qam "change one module"
  cd "$pr"
  affected=$("$cmklint" --no-color --verbose --changed-since HEAD~1 . 2>&1 >/dev/null | sed -n 's/.*; \([0-9]* of [0-9]*\) entry points reach them/\1/p')
  read -r w_changed c_changed peak_changed < <(measure "$cmklint" --no-color --changed-since HEAD~1 .)
  cd "$corpus"
fi
ratio=$(awk -v a="$w_bicep" -v b="$w_cmk" 'BEGIN { printf "%.1f", a / b }')
cratio=$(awk -v a="$c_bicep" -v b="$c_cmk" 'BEGIN { printf "%.1f", a / b }')

printf '%-46s %9s %9s\n' "median of $runs runs" "wall s" "CPU s"
printf '%-46s %9s %9s\n' "bicep lint --pattern '**/*.bicep'" "$w_bicep" "$c_bicep"
printf '%-46s %9s %9s\n' "cmklint '**/*.bicep'" "$w_cmk" "$c_cmk"
printf '%-46s %8sx %8sx\n' "ratio (bicep / cmklint)" "$ratio" "$cratio"
printf '%-46s %9s %9s\n' "  ReadyToRun build (dotnet tool) '**/*.bicep'" "$w_r2r" "$c_r2r"
printf '%-46s %9s %9s\n' "cmklint . (whole corpus, ARM + Bicep)" "$w_corpus" "$c_corpus"
printf '%-46s %9s %9s %6s MB\n' "  ReadyToRun build (dotnet tool) ." "$w_corpus_r2r" "$c_corpus_r2r" "$peak_r2r"
printf '%-46s %9s %9s\n' "cmklint one ARM template" "$w_one" "$c_one"
printf '%-46s %9s %9s\n' "cmklint one Bicep file" "$w_oneb" "$c_oneb"
printf '%-46s %9s MB\n' "cmklint . peak memory (max RSS)" "$peak_mb"
printf '%-46s %9s %9s %6s MB\n' "cmklint . on AVM (wall, CPU, max RSS)" "$w_avm" "$c_avm" "$peak_avm"
printf '%-46s %9s %9s %6s MB\n' "  ReadyToRun build (dotnet tool) on AVM" "$w_avm_r2r" "$c_avm_r2r" "$peak_avm_r2r"
printf '%-46s %9s %9s %6s MB\n' "cmklint --changed-since, one AVM module" "$w_changed" "$c_changed" "$peak_changed"
printf '%-46s %9s\n' "  entry points analysed" "$affected"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
