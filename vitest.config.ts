import { defineConfig } from "vitest/config";
import path from "node:path";

// Three projects:
//  unit         pure logic (lib/**, components/**), no I/O
//  democluster  the demo cluster's own tests; each file starts an in-process server on a free port
//  integration  HTTP against a started app + demo cluster (scripts/test.sh starts them and sets FLUXTOWER_TEST_*)
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" guards server modules inside Next.js; unit tests import those modules directly.
      "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "democluster",
          include: ["democluster/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Long enough to wait out a per-user rate-limit window (tests share the demo users; see waitingOutLimit).
          testTimeout: 150_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
