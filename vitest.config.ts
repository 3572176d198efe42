import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/integration/workers";

const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // one database per worker (tests/integration/global-setup.ts)
          maxWorkers: integrationWorkers(),
          fileParallelism: integrationWorkers() > 1,
        },
      },
    ],
  },
});
