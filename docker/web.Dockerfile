# nginx in front: serves the built web app itself and proxies /api, /metrics, /socket.io and /yjs
# to the API replicas. Build from the repository root:
#   docker build -f docker/web.Dockerfile -t pairboard-web .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run web:build --outputStyle=static

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/web /usr/share/nginx/html
EXPOSE 80
