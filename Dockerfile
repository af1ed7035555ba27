# syntax=docker/dockerfile:1
# Multi-stage build: install, build, then a slim runtime with production deps.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies patches/ to node_modules (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production APP_ENV=production PORT=8080
WORKDIR /app
RUN useradd --system --uid 10001 app
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY --from=build /app/db ./db
COPY --from=build /app/emails ./emails
COPY --from=build /app/jobs ./jobs
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/server ./server
USER app
EXPOSE 8080
# fly.toml chooses the process (web or worker); web is the default.
CMD ["node", "--import", "tsx", "server/start.ts"]
