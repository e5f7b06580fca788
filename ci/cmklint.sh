#!/usr/bin/env bash
# The command lines of the GitHub Action (action.yml) and the Azure Pipelines template
# (ci/azure-pipelines/cmklint.yml): one script, so both behave the same and one test runs them.
#
#   cmklint.sh install   CMKLINT_VERSION (empty: build from CMKLINT_SOURCE, the checkout), CMKLINT_TOOL_PATH
#   cmklint.sh lint      CMKLINT (the tool), CMKLINT_PATHS, CMKLINT_FAIL_LEVEL, CMKLINT_PREVIOUS, CMKLINT_CONFIG,
#                        CMKLINT_SARIF (SARIF file to write), CMKLINT_ANNOTATIONS (github|text|none),
#                        CMKLINT_SUMMARY (Markdown file to append the summary to; default $GITHUB_STEP_SUMMARY)
# Exit codes are cmklint's: 0 clean, 1 findings at or above the fail level, 2 usage or internal error
# (then no SARIF file is left behind, so an upload step that checks for it does not upload a stale one).
set -uo pipefail

mode="${1:-}"
case "$mode" in
  install)
    tool_path="${CMKLINT_TOOL_PATH:?CMKLINT_TOOL_PATH is required}"
    if [ -x "$tool_path/cmklint" ]; then
      echo "cmklint already installed in $tool_path"
    elif [ -n "${CMKLINT_VERSION:-}" ]; then
      dotnet tool install --tool-path "$tool_path" cmklint --version "$CMKLINT_VERSION" || exit 2
    else
      source="${CMKLINT_SOURCE:?CMKLINT_SOURCE (the cmklint checkout) is required without CMKLINT_VERSION}"
      dotnet pack "$source/src/CmkLint/CmkLint.csproj" --configuration Release --output "$tool_path/packages" -p:UseArtifactsOutput=true -p:ArtifactsPath="$tool_path/artifacts" || exit 2
      dotnet tool install --tool-path "$tool_path" cmklint --add-source "$tool_path/packages" || exit 2
    fi
    if [ -n "${GITHUB_PATH:-}" ]; then echo "$tool_path" >> "$GITHUB_PATH"; fi
    "$tool_path/cmklint" --version
    ;;
  lint)
    cmklint="${CMKLINT:-cmklint}"
    read -r -a args <<< "${CMKLINT_PATHS:-.}"
    if [ -n "${CMKLINT_PREVIOUS:-}" ]; then args+=(--previous "$CMKLINT_PREVIOUS"); fi
    if [ -n "${CMKLINT_CONFIG:-}" ]; then args+=(--config "$CMKLINT_CONFIG"); fi
    sarif="${CMKLINT_SARIF:-cmklint.sarif}"
    log="$(mktemp)"
    "$cmklint" "${args[@]}" --fail-level "${CMKLINT_FAIL_LEVEL:-error}" --format sarif --output "$sarif" --statistics 2> "$log"
    code=$?
    cat "$log" >&2
    if [ "$code" -ge 2 ]; then
      rm -f "$sarif"
      echo "cmklint could not run (exit $code); see the messages above" >&2
      rm -f "$log"
      exit 2
    fi
    case "${CMKLINT_ANNOTATIONS:-none}" in
      github) "$cmklint" "${args[@]}" --format github --fail-level none --quiet ;;
      text) "$cmklint" "${args[@]}" --no-color --fail-level none ;;
    esac
    summary="${CMKLINT_SUMMARY:-${GITHUB_STEP_SUMMARY:-}}"
    if [ -n "$summary" ]; then
      {
        echo "### cmklint"
        echo
        echo '```'
        cat "$log"
        echo '```'
      } >> "$summary"
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
      echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
      echo "exit-code=$code" >> "$GITHUB_OUTPUT"
    fi
    rm -f "$log"
    exit "$code"
    ;;
  *)
    echo "usage: cmklint.sh install|lint" >&2
    exit 2
    ;;
esac
