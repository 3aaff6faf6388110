# syntax=docker/dockerfile:1
# Fluxtower container image: build with the full dependencies, run Next.js's standalone bundle (server.js and the
# traced node_modules only) on Debian slim (glibc, for libsql's native binding) as a non-root numeric user.
# Run with a read-only root filesystem; /tmp and /data (SQLite, when DATABASE_URL is a file:) are volumes.
# tests/integration/deploy-image.test.ts copies exactly what the final stage's COPY lines copy and starts it with
# this CMD: keep COPY sources as paths under /app of the build stage.

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:24-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    FLUXTOWER_METRICS_HOST=0.0.0.0 \
    FLUXTOWER_METRICS_PORT=9464 \
    DATABASE_URL=file:/data/fluxtower.db
COPY --from=build --chown=0:0 /app/.next/standalone ./
COPY --from=build --chown=0:0 /app/.next/static ./.next/static
COPY --from=build --chown=0:0 /app/prisma/migrations ./prisma/migrations
USER 65532:65532
VOLUME ["/tmp", "/data"]
EXPOSE 3000 9464
CMD ["node", "server.js"]
