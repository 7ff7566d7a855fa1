#!/usr/bin/env bash
# npm test: install what is missing, then run every tier (unit, web, integration, end-to-end) and
# fail if any test fails. CI runs exactly this.
source "$(dirname "$0")/lib.sh"
started=$(date +%s)
check_node
install_dependencies

if [ ! -x /usr/bin/chromium ]; then
  step "Installing Chromium (Debian package) for the end-to-end tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi

step "Checking services"
check_services
generate_prisma_client

summary=()
# Each tier has a time limit, so a hang fails the run with its name instead of stalling it.
run_tier() {
  local name=$1 minutes=$2; shift 2
  step "$name"
  local tier_started=$(date +%s) status=0
  timeout --kill-after=30s "${minutes}m" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "✗ $name did not finish within $minutes minutes" >&2
  fi
  [ "$status" -eq 0 ] || exit "$status"
  summary+=("$name: passed in $(elapsed "$tier_started")")
}

run_tier "Typecheck" 10 npx nx run-many -t typecheck --outputStyle=static-failures-only
run_tier "Lint (incl. module boundaries)" 10 npx nx run-many -t lint --outputStyle=static-failures-only
run_tier "Unit tests" 10 npx jest --selectProjects unit web --ci
# --forceExit: a suite that fails to shut its server down is reported as failed; it must not keep the run open.
run_tier "Integration tests (PostgreSQL, Redis)" 25 npx jest --selectProjects integration --ci --runInBand --forceExit
# Built as `npm start` builds, with the NODE_ENV=development that .env.example sets: the served app
# must be the production build all the same (the end-to-end tier checks it).
run_tier "Build" 10 env NODE_ENV=development npx nx run-many -t build --projects=api,web --outputStyle=static-failures-only --skip-nx-cache
run_tier "End-to-end tests (headless Chromium)" 25 npx playwright test -c apps/web-e2e/playwright.config.ts

step "All tiers passed in $(elapsed "$started")"
printf '  %s\n' "${summary[@]}"
