#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change to prisma/schema.prisma
# since the last commit (or from an empty database for the first migration).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: npm run db:new-migration <name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
from=(--from-empty)
if ls prisma/migrations/*/migration.sql >/dev/null 2>&1 && git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  previous=$(mktemp --suffix=.prisma)
  git show HEAD:prisma/schema.prisma > "$previous"
  from=(--from-schema-datamodel "$previous")
fi
mkdir -p "$dir"
if ! bash scripts/prisma.sh migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script --output "$dir/migration.sql"; then
  rm -rf "$dir"
  exit 1
fi
echo "wrote $dir/migration.sql"
