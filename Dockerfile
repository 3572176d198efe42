# One image for every Sounding process (docs/deployment.md):
#   web:        docker run … sounding                       (next start on $PORT, default 3000)
#   worker:     docker run … sounding npm run worker        (background jobs only)
#   migrations: docker run … sounding npm run db:migrate    (once per deploy, before the new version starts)
# All need DATABASE_URL (a managed PostgreSQL ≥ 14); web needs AUTH_SECRET, NEXTAUTH_URL and TRUST_PROXY.
# tsx stays installed: `npm run worker` and the db scripts run TypeScript sources.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app ./
USER node
EXPOSE 3000
# next start with the peer-address preload of `npm start` (client addresses for throttling, /metrics)
CMD ["sh", "-c", "NODE_OPTIONS=\"--require ./scripts/lib/peer-address.cjs\" exec node node_modules/next/dist/bin/next start -p ${PORT}"]
