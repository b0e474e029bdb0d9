# Image of the AlphaSwarm Nx remote cache server (tools/cache-server). Build from the workspace root:
#   docker build -f packages/deployment/docker/cache-server.Dockerfile -t alphaswarm/cache-server:<version> .
# Run it with the tokens document in CACHE_SERVER_TOKENS (or mount a file and add --tokens <file>)
# and a volume on /var/cache/alphaswarm; it refuses to start without tokens.
FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
ENV NX_NO_CLOUD=true NX_DAEMON=false CI=true
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
 && npx nx run cache-server:build \
 && npx -y pnpm@10.34.9 --filter @alphaswarm/cache-server deploy --prod --legacy /out

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out ./
RUN mkdir -p /var/cache/alphaswarm && chown node:node /var/cache/alphaswarm
USER node
VOLUME /var/cache/alphaswarm
EXPOSE 4300
# SIGTERM lets uploads in progress finish for up to 25 s (keep the orchestrator's stop timeout above it).
CMD ["node", "bin/alphaswarm-cache-server.js", "--host", "0.0.0.0", "--port", "4300", "--dir", "/var/cache/alphaswarm", "--shutdown-grace", "25"]
