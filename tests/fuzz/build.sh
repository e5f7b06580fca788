#!/usr/bin/env bash
# Publishes the fuzz harness to tests/fuzz/out/bin and instruments its copy of CmkLint.Rules.dll for AFL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
tools="$out/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi
rm -rf "$out/bin"
dotnet publish "$here/CmkLint.Fuzz/CmkLint.Fuzz.csproj" -c Release -o "$out/bin" --nologo -v quiet
"$tools/sharpfuzz" "$out/bin/CmkLint.Rules.dll"
