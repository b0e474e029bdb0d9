# Image of the AlphaSwarm controller (`/manage/*` API). Build from the workspace root:
#   docker build -f packages/deployment/docker/controller.Dockerfile -t alphaswarm/controller:<version> .
FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
ENV NX_NO_CLOUD=true NX_DAEMON=false CI=true
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
 && npx nx run controller:build \
 && npx -y pnpm@10.34.9 --filter @alphaswarm/controller deploy --prod /out

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out ./
USER node
EXPOSE 4100
CMD ["node", "dist/main.js", "--host", "0.0.0.0", "--port", "4100"]
