// Watchdog: `node pg-watchdog.mjs <ownerPid> <postgresPid>`, started detached by embedded-db.mjs.
// If the owner process dies without stopping its PostgreSQL server (SIGKILL, crash, a killed process
// group), stop the server with a fast shutdown. Exits as soon as the server is gone.
const [ownerPid, postgresPid] = process.argv.slice(2).map(Number);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

const steps = [
  ["SIGINT", 20_000],
  ["SIGQUIT", 5_000],
  ["SIGKILL", 5_000],
];

async function shutdown() {
  for (const [signal, wait] of steps) {
    try {
      process.kill(postgresPid, signal);
    } catch {
      return;
    }
    const until = Date.now() + wait;
    while (Date.now() < until) {
      if (!alive(postgresPid)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

process.on("SIGINT", () => {});
process.on("SIGHUP", () => {});
const timer = setInterval(async () => {
  if (!alive(postgresPid)) process.exit(0);
  if (!alive(ownerPid)) {
    clearInterval(timer);
    await shutdown();
    process.exit(0);
  }
}, 500);
