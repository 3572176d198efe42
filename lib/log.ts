// Minimal structured logging (one JSON line per event) — stack traces go to the server log, never to users.
export function logError(message: string, err: unknown, context: Record<string, unknown> = {}) {
  const e = err as { name?: string; message?: string; stack?: string; code?: string };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, error: { name: e?.name, message: e?.message, code: e?.code, stack: e?.stack }, ...context }));
}

export function logInfo(message: string, context: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...context }));
}

export function logWarn(message: string, context: Record<string, unknown> = {}) {
  console.warn(JSON.stringify({ level: "warn", time: new Date().toISOString(), message, ...context }));
}

export function logDebug(message: string, context: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "debug", time: new Date().toISOString(), message, ...context }));
}
