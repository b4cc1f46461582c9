#!/usr/bin/env bash
# Runs Switchboard locally (README "Run"): Azurite and the local FHIR server in the background, then the Functions
# app with Core Tools. Ctrl+C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v func >/dev/null || { echo "Azure Functions Core Tools v4 ('func') is required to run the app: see README prerequisites." >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
npx azurite --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --silent &
pids+=($!)
node tools/fhir-server/server.mjs --port 8103 --host 127.0.0.1 &
pids+=($!)

cd src/Switchboard.Functions
func start --csharp
