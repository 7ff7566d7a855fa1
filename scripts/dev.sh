#!/usr/bin/env bash
# npm run dev: the API recompiled and restarted on change, plus Vite's dev server with hot reload
# (it proxies /api, /socket.io and /yjs to the API on :3000).
source "$(dirname "$0")/lib.sh"
install_dependencies
[ -f .env ] || { echo "Run npm start once first (it creates .env and the database)." >&2; exit 1; }
set -a; source .env; set +a
check_services
generate_prisma_client
node_modules/.bin/tsc -p apps/api/tsconfig.app.json
node_modules/.bin/tsc-alias -p apps/api/tsconfig.app.json
node dist/api/apps/api/src/cli/migrate.js

trap 'kill 0' EXIT INT TERM
node_modules/.bin/tsc -w --preserveWatchOutput -p apps/api/tsconfig.app.json &
node_modules/.bin/tsc-alias -w -p apps/api/tsconfig.app.json &
WEB_DIST=/nonexistent node --watch-path=dist/api dist/api/apps/api/src/main.js &
node_modules/.bin/vite --config apps/web/vite.config.mts &
wait
