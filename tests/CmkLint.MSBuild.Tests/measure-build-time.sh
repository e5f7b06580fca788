#!/usr/bin/env bash
# Measures what CmkLint.MSBuild adds to a build: on a no-op build, and on a build that analyses 50
# ARM templates. Packs the package into a temporary feed, creates a throwaway project beside it,
# and runs real "dotnet build" commands, each RUNS times (median reported).
#
#   bash tests/CmkLint.MSBuild.Tests/measure-build-time.sh [RUNS]
#
# Run from anywhere; needs the task project built in Debug (dotnet build src/CmkLint.MSBuild).
set -euo pipefail
RUNS="${1:-5}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d -t cmklint-measure-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export NUGET_PACKAGES="$WORK/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en-US MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

dotnet pack "$REPO/src/CmkLint.MSBuild" --no-build -c Debug -o "$WORK/feed" --disable-build-servers -nodeReuse:false >/dev/null
VERSION="$(basename "$WORK"/feed/CmkLint.MSBuild.*.nupkg .nupkg)"; VERSION="${VERSION#CmkLint.MSBuild.}"

P="$WORK/proj"; mkdir -p "$P/infra"
cat > "$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="cmklint-local" value="$WORK/feed" /></packageSources></configuration>
XML
cat > "$P/proj.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="CmkLint.MSBuild" Version="$VERSION" /></ItemGroup>
</Project>
XML
# 50 templates: the sample's full CMK chain (identity, vault, key, registry), each its own file.
for i in $(seq -w 1 50); do cp "$REPO/samples/MsBuildSample/infra/registry.json" "$P/infra/registry$i.json"; done

build() { # prints wall-clock ms, CPU ms (user+sys of the build and its processes), then from the performance summary: the CmkLint targets' ms and the LintTemplates task's ms
  local log="$WORK/build.log" rc=0 TIMEFORMAT='%R %U %S'
  { time dotnet build "$P" --no-restore --disable-build-servers -nodeReuse:false -clp:PerformanceSummary "$@" > "$log" 2>&1 || rc=$?; } 2> "$WORK/time"
  [ "$rc" = 0 ] || { cat "$log"; exit 1; }
  local wall cpu targets task
  read -r wall cpu < <(awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/time")
  targets=$(awk '/Target Performance Summary/{t=1} /Task Performance Summary/{t=0} t && ($3=="CmkLint" || $3=="_CmkLintWriteSettings") {s+=$1} END {print s+0}' "$log")
  task=$(awk '/Task Performance Summary/{t=1} t && $3=="LintTemplates" {print $1; exit}' "$log")
  echo "$wall $cpu ${targets} ${task:-0}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

dotnet restore "$P" >/dev/null
build >/dev/null   # first build: compiles
echo "runs per figure: $RUNS (median); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); SDK $(dotnet --version)"

# Phases, not interleaved: a build with CmkLintEnabled=false drops the check's stamp from the
# build's file list (IncrementalClean deletes it), so the next enabled build would re-run the check.
declare -a off_w off_c on_w on_c on_t full_w full_c full_t full_k
build -p:CmkLintEnabled=false >/dev/null
for r in $(seq "$RUNS"); do read -r w c _ _ <<< "$(build -p:CmkLintEnabled=false)"; off_w+=("$w"); off_c+=("$c"); done
build >/dev/null
for r in $(seq "$RUNS"); do read -r w c t _ <<< "$(build)"; on_w+=("$w"); on_c+=("$c"); on_t+=("$t"); done
for r in $(seq "$RUNS"); do
  touch "$P"/infra/*.json               # the 50 templates changed: the check re-runs, compilation does not
  read -r w c t k <<< "$(build)"; full_w+=("$w"); full_c+=("$c"); full_t+=("$t"); full_k+=("$k")
done
m() { printf '%s\n' "$@" | median; }
printf '%-44s wall %6s ms  cpu %6s ms\n' "no-op build, CmkLint disabled:" "$(m "${off_w[@]}")" "$(m "${off_c[@]}")"
printf '%-44s wall %6s ms  cpu %6s ms  (CmkLint targets, skipped: %s ms)\n' "no-op build, CmkLint enabled:" "$(m "${on_w[@]}")" "$(m "${on_c[@]}")" "$(m "${on_t[@]}")"
printf '%-44s wall %6s ms  cpu %6s ms  (CmkLint targets: %s ms, LintTemplates task: %s ms)\n' "50 templates changed, check re-runs:" "$(m "${full_w[@]}")" "$(m "${full_c[@]}")" "$(m "${full_t[@]}")" "$(m "${full_k[@]}")"
echo "added by CmkLint (medians): no-op build: wall $(( $(m "${on_w[@]}") - $(m "${off_w[@]}") )) ms, cpu $(( $(m "${on_c[@]}") - $(m "${off_c[@]}") )) ms; 50 templates: wall $(( $(m "${full_w[@]}") - $(m "${off_w[@]}") )) ms, cpu $(( $(m "${full_c[@]}") - $(m "${off_c[@]}") )) ms"
