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
run_tier() {
  local name=$1; shift
  step "$name"
  local tier_started=$(date +%s)
  "$@"
  summary+=("$name: passed in $(elapsed "$tier_started")")
}

run_tier "Typecheck" npx nx run-many -t typecheck --outputStyle=static-failures-only
run_tier "Lint (incl. module boundaries)" npx nx run-many -t lint --outputStyle=static-failures-only
run_tier "Unit tests" npx jest --selectProjects unit web --ci
run_tier "Integration tests (PostgreSQL, Redis)" npx jest --selectProjects integration --ci --runInBand
run_tier "Build" npx nx run-many -t build --projects=api,web --outputStyle=static-failures-only
run_tier "End-to-end tests (headless Chromium)" npx playwright test -c apps/web-e2e/playwright.config.ts

step "All tiers passed in $(elapsed "$started")"
printf '  %s\n' "${summary[@]}"
