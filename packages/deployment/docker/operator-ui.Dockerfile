# Image of the AlphaSwarm operator UI (packages/operator-ui): its static production build behind
# nginx, which also forwards /manage/* to the controller, so the page calls its own origin (no CORS)
# and the controller stays an API only. Build from the workspace root:
#   docker build -f packages/deployment/docker/operator-ui.Dockerfile -t alphaswarm/operator-ui:<version> .
# Run it with CONTROLLER_URL naming the controller (default http://controller:4100, the Compose service).
FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
ENV NX_NO_CLOUD=true NX_DAEMON=false CI=true
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
 && npx nx run operator-ui:build

# nginx as an unprivileged user on port 8080; at start it renders /etc/nginx/templates/*.template
# into /etc/nginx/conf.d, putting the environment's CONTROLLER_URL in place.
FROM nginxinc/nginx-unprivileged:1.27-bookworm
ENV CONTROLLER_URL=http://controller:4100
COPY packages/deployment/docker/operator-ui.nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /workspace/packages/operator-ui/dist/static /usr/share/nginx/html
EXPOSE 8080
