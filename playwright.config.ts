import { defineConfig } from "@playwright/test";

// The stack (demo cluster + production app) is started by scripts/test.sh, which sets FLUXTOWER_TEST_URL and
// FLUXTOWER_TEST_SCENARIO. Specs named incidents-*.spec.ts need the "incidents" scenario; all others "airflow".
// Debian's Chromium only: no browser is downloaded.
const incidents = process.env.FLUXTOWER_TEST_SCENARIO === "incidents";

export default defineConfig({
  testDir: "./e2e",
  testMatch: incidents ? "incidents-*.spec.ts" : "*.spec.ts",
  testIgnore: incidents ? [] : ["incidents-*.spec.ts"],
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["./e2e/summary-reporter.ts"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.FLUXTOWER_TEST_URL ?? "http://127.0.0.1:3000",
    browserName: "chromium",
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
