// Where the e2e app server runs and keeps its data (shared by playwright.config.ts and the tests).
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
/** The e2e server's data folder: wiped at each run (`npm start -- --fresh`), holds runtime.json. */
export const E2E_DATA_DIR = path.join(ROOT, ".data", "e2e");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
