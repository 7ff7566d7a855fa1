#!/usr/bin/env bash
# npm start: install what is missing, check services, build, migrate, seed and serve on one port.
source "$(dirname "$0")/lib.sh"
started=$(date +%s)
check_node
install_dependencies

if [ ! -f .env ]; then
  step "Creating .env from .env.example"
  secret=$(node -e 'console.log(require("crypto").randomBytes(48).toString("base64url"))')
  sed "s|^JWT_SECRET=.*|JWT_SECRET=${secret}|" .env.example > .env
  echo "wrote .env with a new random JWT_SECRET"
fi
# What the caller set wins over .env (e.g. PORT=3300 npm start).
caller_env=$(export -p)
set -a; source .env; set +a
eval "$caller_env"

step "Checking services"
check_services
generate_prisma_client

step "Building"
NX_NO_CLOUD=true npx nx run-many -t build --projects=api,web --outputStyle=static-failures-only

step "Migrating the database"
node dist/api/apps/api/src/cli/migrate.js

step "Seeding demo data"
node dist/api/apps/api/src/cli/seed.js

# main.js prints the address once the port accepts connections.
step "Starting the server ($(elapsed "$started") so far; Ctrl+C to stop)"
exec node dist/api/apps/api/src/main.js
