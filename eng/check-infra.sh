#!/usr/bin/env bash
# Checks the Bicep infrastructure under infra/ without an Azure connection:
#   1. bicep build infra/main.bicep   (compiles main.bicep and every module)
#   2. bicep lint  infra/main.bicep   (plus every other .bicep file under infra/)
#   3. infra/main.parameters.json is consistent with main.bicep's parameters
#      (converted to a .bicepparam file and compiled with bicep build-params:
#      unknown parameters, missing required ones, wrong types or disallowed
#      values are compiler errors).
#   4. every .bicep file under infra/ is in `bicep format` canonical form
#      (fix with: bicep format infra/<file>.bicep).
# Any diagnostic containing "Warning" or "Error" fails the check, as does a
# non-zero exit code.
#
# The bicep CLI is taken from $BICEP if set; otherwise from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (pinned below), downloaded into the NuGet
# global packages folder by a throwaway restore when it is not there yet.
set -euo pipefail

BICEP_PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"
BICEP_VERSION="0.49.2"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra_dir="$repo_root/infra"

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/check-infra.XXXXXX")"
trap 'rm -rf "$work_dir"' EXIT

log() { printf 'check-infra: %s\n' "$*"; }
fail() { printf 'check-infra: FAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Locate (or fetch) the bicep CLI
# ---------------------------------------------------------------------------
locate_bicep() {
  if [[ -n "${BICEP:-}" ]]; then
    [[ -x "$BICEP" ]] || fail "\$BICEP is set to '$BICEP', which is not an executable file"
    printf '%s\n' "$BICEP"
    return
  fi

  local packages_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  local package_dir
  package_dir="$packages_dir/$(tr '[:upper:]' '[:lower:]' <<<"$BICEP_PACKAGE_ID")/$BICEP_VERSION"
  local binary="$package_dir/tools/bicep"

  if [[ ! -f "$binary" ]]; then
    log "downloading $BICEP_PACKAGE_ID $BICEP_VERSION through a throwaway restore" >&2
    command -v dotnet >/dev/null || fail "dotnet is needed to download the bicep CLI (or set \$BICEP)"
    # The throwaway project lives outside the repository so that the
    # solution's Directory.Build.props / Directory.Packages.props / global.json
    # do not apply to it.
    local restore_dir="$work_dir/bicep-restore"
    mkdir -p "$restore_dir"
    cat >"$restore_dir/BicepDownload.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$BICEP_PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
EOF
    local restore_args=("$restore_dir/BicepDownload.csproj" --nologo)
    local config
    for config in nuget.config NuGet.Config NuGet.config; do
      if [[ -f "$repo_root/$config" ]]; then
        restore_args+=(--configfile "$repo_root/$config")
        break
      fi
    done
    if ! dotnet restore "${restore_args[@]}" >"$work_dir/restore.log" 2>&1; then
      cat "$work_dir/restore.log" >&2
      fail "dotnet restore of $BICEP_PACKAGE_ID $BICEP_VERSION failed"
    fi
  fi

  [[ -f "$binary" ]] || fail "bicep binary not found at $binary"
  [[ -x "$binary" ]] || chmod +x "$binary"
  printf '%s\n' "$binary"
}

# Prints a step's captured diagnostics and fails on a non-zero exit code or on
# any warning/error diagnostic in them.
check_step() {
  local step="$1" rc="$2" out="$3"
  if [[ -s "$out" ]]; then
    cat "$out"
  fi
  if ((rc != 0)); then
    fail "$step exited with code $rc"
  fi
  if grep -qE 'Warning|Error' "$out"; then
    fail "$step reported warnings or errors (see above)"
  fi
  log "$step: clean"
}

bicep="$(locate_bicep)"
log "using $("$bicep" --version)"

cd "$repo_root"

# ---------------------------------------------------------------------------
# 1. Build: compiles main.bicep and every module it references. The ARM JSON
#    goes to /dev/null; diagnostics are on stderr.
# ---------------------------------------------------------------------------
rc=0
"$bicep" build infra/main.bicep --stdout >/dev/null 2>"$work_dir/build.out" || rc=$?
check_step "bicep build infra/main.bicep" "$rc" "$work_dir/build.out"

# ---------------------------------------------------------------------------
# 2. Lint: main.bicep (with its modules), then every .bicep file under infra/
#    so that a module not (yet) referenced from main.bicep is linted too.
#    bicep lint exits 0 on warnings, hence the grep in check_step.
# ---------------------------------------------------------------------------
rc=0
"$bicep" lint infra/main.bicep >"$work_dir/lint.out" 2>&1 || rc=$?
check_step "bicep lint infra/main.bicep" "$rc" "$work_dir/lint.out"

rc=0
"$bicep" lint --pattern 'infra/**/*.bicep' >"$work_dir/lint-all.out" 2>&1 || rc=$?
check_step "bicep lint infra/**/*.bicep" "$rc" "$work_dir/lint-all.out"

# ---------------------------------------------------------------------------
# 3. Parameters: main.parameters.json must match main.bicep.
#    azd placeholders are resolved first: ${VAR=default} -> default,
#    ${VAR} -> "placeholder-VAR" (a plain string; a parameter with @allowed
#    values therefore needs a ${VAR=default} form). The JSON file is then
#    converted to a .bicepparam file bound to main.bicep ('using') and compiled
#    with build-params, which rejects unknown parameters (BCP259), missing
#    required ones (BCP258), wrong types and disallowed values.
# ---------------------------------------------------------------------------
params_json="$infra_dir/main.parameters.json"
[[ -f "$params_json" ]] || fail "missing $params_json"
resolved_json="$work_dir/main.parameters.resolved.json"
sed -E 's/\$\{([A-Za-z_][A-Za-z0-9_]*)=([^}]*)\}/\2/g; s/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/placeholder-\1/g' \
  "$params_json" >"$resolved_json"

bicepparam="$work_dir/main.parameters.bicepparam"
rc=0
# decompile-params always prints a best-effort banner on stderr; only its exit
# code matters here, build-params below reports the real diagnostics.
"$bicep" decompile-params "$resolved_json" --bicep-file "$infra_dir/main.bicep" \
  --outfile "$bicepparam" --force >"$work_dir/decompile.out" 2>&1 || rc=$?
if ((rc != 0)); then
  cat "$work_dir/decompile.out" >&2
  fail "could not convert infra/main.parameters.json (is it valid JSON?)"
fi

rc=0
"$bicep" build-params "$bicepparam" --stdout >/dev/null 2>"$work_dir/build-params.out" || rc=$?
check_step "bicep build-params (infra/main.parameters.json vs infra/main.bicep)" "$rc" "$work_dir/build-params.out"

# ---------------------------------------------------------------------------
# 4. Formatting: every .bicep file must equal its `bicep format` output.
# ---------------------------------------------------------------------------
unformatted=()
while IFS= read -r -d '' file; do
  if ! "$bicep" format "$file" --stdout 2>/dev/null | cmp -s - "$file"; then
    unformatted+=("${file#"$repo_root"/}")
  fi
done < <(find "$infra_dir" -name '*.bicep' -print0 | sort -z)
if ((${#unformatted[@]} > 0)); then
  printf '  %s\n' "${unformatted[@]}" >&2
  fail "not in bicep format form (run: bicep format <file>)"
fi
log "bicep format: clean"

log "OK: build, lint, parameters and formatting are clean"
