# Image of the AlphaSwarm Nx remote cache server (tools/cache-server). Its build context is the
# server's packaged subset — the tarball `pnpm pack` makes of it and a lockfile that installs it —
# never the monorepo. Write the context, then build:
#   pnpm nx run deployment:image
#   docker build -f packages/deployment/docker/cache-server.Dockerfile -t alphaswarm/cache-server:<version> dist/images/cache-server
# Run it with the tokens document in CACHE_SERVER_TOKENS (or mount a file and add --tokens <file>)
# and a volume on /var/cache/alphaswarm; it refuses to start without tokens.
FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
COPY tarballs/ ./tarballs/
RUN npx -y pnpm@10.34.9 install --frozen-lockfile --prod \
 && rm -rf tarballs \
 && mkdir -p /var/cache/alphaswarm && chown node:node /var/cache/alphaswarm
USER node
VOLUME /var/cache/alphaswarm
EXPOSE 4300
# SIGTERM lets uploads in progress finish for up to 25 s (keep the orchestrator's stop timeout above it).
CMD ["node", "node_modules/@alphaswarm/cache-server/bin/alphaswarm-cache-server.js", "--host", "0.0.0.0", "--port", "4300", "--dir", "/var/cache/alphaswarm", "--shutdown-grace", "25"]
