#!/usr/bin/env bash
# The one test command (README "Test"): installs the dev servers, restores, builds with zero warnings, checks the
# Functions metadata, the CLI and the Bicep templates, and runs every unit and integration test.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }

step "npm ci (Azurite, local FHIR server)"
npm ci --no-audit --no-fund --loglevel=error

step "local FHIR server self-test"
npm run --silent test:fhir-server

step "dotnet restore + build (warnings are errors)"
dotnet restore Functions.sln --verbosity quiet
dotnet build Functions.sln --no-restore --configuration Release --verbosity quiet -warnaserror /p:ContinuousIntegrationBuild=true

step "Functions metadata lists the triggers"
metadata=src/Switchboard.Functions/bin/Release/net10.0/functions.metadata
for binding in httpTrigger queueTrigger; do
  grep -q "\"type\": *\"$binding\"" "$metadata" || { echo "functions.metadata has no $binding" >&2; exit 1; }
done
echo "ok: $(grep -o '"name": *"[A-Za-z]*Function"' "$metadata" | wc -l) functions"

step "CLI answers --help"
dotnet src/Switchboard.Cli/bin/Release/net10.0/switchboard.dll --help >/dev/null

step "infrastructure: bicep build + lint"
bash eng/check-infra.sh

step "dotnet test"
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test Functions.sln --no-build --configuration Release --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# One plain summary line over every test assembly.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(trx).getroot().find("{*}ResultSummary/{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
