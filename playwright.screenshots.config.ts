// Screenshots for a human look at the pages (`npm run screenshots [-- <name>]` → PNGs in /tmp/shots/).
// Not part of `npm test`: these take pictures, they assert nothing. Same server and browser as the e2e run.
import base from "./playwright.config";
import { defineConfig } from "@playwright/test";

export default defineConfig({ ...base, testDir: "tests/screenshots", retries: 0, workers: 1, timeout: 180_000 });
