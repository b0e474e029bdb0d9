# Image of the AlphaSwarm operator UI (packages/operator-ui): its static production build behind
# nginx, which also forwards /manage/* to the controller, so the page calls its own origin (no CORS)
# and the controller stays an API only. Its build context is the operator UI's packaged subset — the
# tarballs `pnpm pack` makes of it and of the workspace packages it depends on, and a lockfile that
# installs them — never the monorepo. Write the context, then build:
#   pnpm nx run deployment:image
#   docker build -f packages/deployment/docker/operator-ui.Dockerfile -t alphaswarm/operator-ui:<version> dist/images/operator-ui
# Run it with CONTROLLER_URL naming the controller (default http://controller:4100, the Compose service).
FROM node:20.20-bookworm-slim AS unpack
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
COPY tarballs/ ./tarballs/
RUN npx -y pnpm@10.34.9 install --frozen-lockfile --prod \
 && rm -rf tarballs

# nginx as an unprivileged user on port 8080; at start it renders /etc/nginx/templates/*.template
# into /etc/nginx/conf.d, putting the environment's CONTROLLER_URL in place.
FROM nginxinc/nginx-unprivileged:1.27-bookworm
ENV CONTROLLER_URL=http://controller:4100
COPY --from=unpack /app/node_modules/@alphaswarm/operator-ui/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=unpack /app/node_modules/@alphaswarm/operator-ui/dist/static /usr/share/nginx/html
EXPOSE 8080
