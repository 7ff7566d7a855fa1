# The API image also carries the built web app, so one container serves the whole product on one port
# (the same shape as `npm start`). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t pairboard-api .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN bash scripts/prisma.sh generate \
 && npx nx run-many -t build --projects=api,web --outputStyle=static \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 WEB_DIST=/app/dist/web
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/package.json ./package.json
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Migrations run under an advisory lock, so several replicas can start at once.
CMD ["sh", "-c", "node dist/api/apps/api/src/cli/migrate.js && node dist/api/apps/api/src/cli/seed.js && exec node dist/api/apps/api/src/main.js"]
