# syntax=docker/dockerfile:1
#
# Two images from one build (see the README's "Deploying the API"):
#   docker build -t stratum-api .                         the API: the built artifact on plain node
#   docker build --target migrate -t stratum-migrate .    the release job: applies the migrations
# Both stages share one Debian (glibc) base, so the native packages installed in the build stage
# (@node-rs/argon2's binary) are the ones the runtime loads. Build on the architecture you run.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- The workspace, installed as CI installs it --------------------------------------------------
FROM ${NODE_IMAGE} AS workspace
ENV CI=true
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
WORKDIR /repo
# Dependencies first: this layer is rebuilt only when the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile

# --- The API artifact: bundle, then a self-contained folder with production dependencies only ----
FROM workspace AS build
RUN pnpm --filter @stratum/api build \
 && pnpm --filter @stratum/api --prod deploy --legacy /out/api

# --- Release job: `docker run --rm -e MIGRATION_DATABASE_URL=... stratum-migrate` ----------------
# Applies pending migrations once, before the new API starts; retries a lock_timeout failure of an
# earlier run (see the README's Migrations section). Needs the Prisma CLI and the schema engine,
# which the API image does not carry.
FROM workspace AS migrate
USER node
WORKDIR /repo/prisma
CMD ["pnpm", "migrate:deploy"]

# --- The API: the default target ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
# Owned by root and read-only to the process, which runs as the image's unprivileged `node` user.
COPY --from=build /out/api ./
USER node
EXPOSE 3000
# Orchestrators probe /health/live and /health/ready themselves; this is for plain Docker.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: it stops accepting, drains, closes the pool and exits.
CMD ["node", "dist/main.js"]
