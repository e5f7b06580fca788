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

build() { # prints wall-clock ms, then from the performance summary: the CmkLint targets' ms (both) and the LintTemplates task's ms
  local start end log; log="$WORK/build.log"; start=$(date +%s%N)
  dotnet build "$P" --no-restore --disable-build-servers -nodeReuse:false -clp:PerformanceSummary "$@" > "$log" 2>&1 || { cat "$log"; exit 1; }
  end=$(date +%s%N)
  local targets task
  targets=$(awk '/Target Performance Summary/{t=1} /Task Performance Summary/{t=0} t && ($3=="CmkLint" || $3=="_CmkLintWriteSettings") {s+=$1} END {print s+0}' "$log")
  task=$(awk '/Task Performance Summary/{t=1} t && $3=="LintTemplates" {print $1; exit}' "$log")
  echo "$(( (end - start) / 1000000 )) ${targets} ${task:-0}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

dotnet restore "$P" >/dev/null
build >/dev/null   # first build: compiles, runs the check
echo "runs per figure: $RUNS (median); machine: $(nproc) cores; $(dotnet --version)"

off=(); on=(); noop_targets=(); full=(); target=(); task=()
for r in $(seq "$RUNS"); do
  off+=("$(build -p:CmkLintEnabled=false | cut -d' ' -f1)")
  read -r w t _ <<< "$(build)"; on+=("$w"); noop_targets+=("$t")
  touch "$P"/infra/*.json               # the 50 templates changed: the check re-runs, compilation does not
  read -r w t k <<< "$(build)"; full+=("$w"); target+=("$t"); task+=("$k")
done
m_off=$(printf '%s\n' "${off[@]}" | median); m_on=$(printf '%s\n' "${on[@]}" | median); m_full=$(printf '%s\n' "${full[@]}" | median)
echo "no-op build, CmkLint disabled:        ${m_off} ms"
echo "no-op build, CmkLint enabled:         ${m_on} ms   (wall-clock difference: $((m_on - m_off)) ms; CmkLint targets, skipped: $(printf '%s\n' "${noop_targets[@]}" | median) ms)"
echo "50 templates changed, check re-runs:  ${m_full} ms   (wall-clock difference: $((m_full - m_off)) ms)"
echo "  CmkLint targets: $(printf '%s\n' "${target[@]}" | median) ms; LintTemplates task: $(printf '%s\n' "${task[@]}" | median) ms (performance summary)"
