# The one image for both roles: `node dist/apps/api/main.js` and `node dist/apps/worker/main.js`.
# The API serves the web app built here (apps/web/dist); without it, only a placeholder page.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY workflows workflows
COPY scripts scripts
COPY bench bench
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY apps/web/public apps/web/public
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
