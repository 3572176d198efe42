// Preloaded into the Next.js server process by `npm start` and `npm run dev` (NODE_OPTIONS=--require).
// Next.js 16 gives route handlers a web Request without the TCP peer address, and only fills
// `X-Forwarded-For` with it when the client sent none — so a client could pick its own address. This
// hands the app the real socket address in a header whose name is random per run (clients cannot
// forge a header they cannot name); lib/auth/client-address.ts reads it and applies TRUST_PROXY.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
const http = require("node:http");
const crypto = require("node:crypto");

const header = (process.env.SOUNDING_PEER_HEADER ||= `x-sounding-peer-${crypto.randomBytes(12).toString("hex")}`);
const originalCreateServer = http.createServer;

http.createServer = function createServer(...args) {
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) {
    const listener = args[i];
    args[i] = function peerAddressListener(req, res) {
      req.headers[header] = req.socket?.remoteAddress ?? "";
      return listener.call(this, req, res);
    };
  }
  return originalCreateServer.apply(this, args);
};
