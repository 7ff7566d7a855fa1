# Shared steps of `npm start` and `npm test`. Sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

step() { printf '\n\033[1m▸ %s\033[0m\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then echo "Pairboard needs Node.js 20.19 or newer (found $(node -v))." >&2; exit 1; fi
}

# npm ci cannot be used here: the lockfile lacks other platforms' optional binaries.
install_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
    step "Installing dependencies"
    local started=$(date +%s)
    # --include=dev: the build tools are devDependencies, and npm leaves them out under NODE_ENV=production.
    npm install --include=dev --no-audit --no-fund --loglevel=error
    echo "installed in $(elapsed "$started")"
  fi
}

generate_prisma_client() {
  if [ ! -f apps/api/src/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt apps/api/src/generated/prisma/client.ts ]; then
    step "Generating the database client"
    local output
    output=$(bash scripts/prisma.sh generate 2>&1) || { echo "$output" >&2; exit 1; }
  fi
}

# Exits with the service's name and the command that starts it when PostgreSQL or Redis is down.
check_services() {
  node scripts/check-services.cjs
}
