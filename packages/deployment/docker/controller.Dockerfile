# Image of the AlphaSwarm controller (`/manage/*` API). Its build context is the controller's packaged
# subset — the tarballs `pnpm pack` makes of it and of the workspace packages it depends on, and a
# lockfile that installs them — never the monorepo. Write the context, then build:
#   pnpm nx run deployment:image
#   docker build -f packages/deployment/docker/controller.Dockerfile -t alphaswarm/controller:<version> dist/images/controller
FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
COPY tarballs/ ./tarballs/
RUN npx -y pnpm@10.34.9 install --frozen-lockfile --prod \
 && rm -rf tarballs
USER node
EXPOSE 4100
CMD ["node", "node_modules/@alphaswarm/controller/bin/alphaswarm-controller.js", "--host", "0.0.0.0", "--port", "4100"]
