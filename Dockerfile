# syntax=docker/dockerfile:1
#
# One image for both processes of ZI Orchestrator:
#   api    -> node dist/api/server.js   (the default CMD)
#   worker -> node --max-old-space-size=256 dist/worker/main.js  (docker-compose.yml overrides `command`)

ARG NODE_IMAGE=node:20.19-bookworm-slim

# ---- build: install every dependency, compile, then drop the dev ones ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Manifests first, so the dependency layer is reused while only the source changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# Produces dist/, including dist/workflow-bundle.js (the worker's prebuilt workflow code)
# and the email templates.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: only production node_modules and the compiled output ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production

COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist

# The official node image ships the unprivileged `node` user.
USER node

# Documentation only: the api listens on PORT (3000 by default); the worker listens on nothing.
EXPOSE 3000

# Both processes drain in-flight work on SIGTERM (SHUTDOWN_GRACE_MS). PID 1 signal forwarding and
# zombie reaping come from `init: true` in docker-compose.yml, so no tini here.
STOPSIGNAL SIGTERM

CMD ["node", "dist/api/server.js"]
