// Preloaded into the Prisma CLI by scripts/prisma.mjs (node --require).
// Prisma 6.19's WASM schema engine arms a 10-second timer on each command (a lock timeout) and never
// clears it, so `migrate deploy` finished in under a second but its process lingered 10 s more.
// Long timers no longer keep the process alive on their own; sockets and short timers still do.
"use strict";
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeout(fn, ms, ...args) {
  const timer = originalSetTimeout.call(this, fn, ms, ...args);
  if (ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
