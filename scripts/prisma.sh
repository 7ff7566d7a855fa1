#!/usr/bin/env bash
# Runs the Prisma CLI offline: with the JS engine neither engine path is executed, but the CLI
# insists they exist instead of downloading them.
export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
export PRISMA_QUERY_ENGINE_LIBRARY=/bin/true PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_HIDE_UPDATE_MESSAGE=1
exec "$(dirname "$0")/../node_modules/.bin/prisma" "$@"
