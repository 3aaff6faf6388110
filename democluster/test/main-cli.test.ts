// The CLI: `tsx democluster/main.ts --scenario empty --port 0 --state-dir <dir>` prints the ready line, writes
// kubeconfig / fluxtower.kubeconfig / control-token / server.json, serves the API, and exits 0 on SIGTERM.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "democluster-cli-"));

afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe("main.ts", () => {
  it("starts, writes its state files, serves, and stops on SIGTERM", async () => {
    const child = spawn(
      TSX,
      ["democluster/main.ts", "--scenario", "empty", "--port", "0", "--state-dir", stateDir, "--time-scale", "0.1"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/democluster ready /.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not ready:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /democluster ready (\S+)/.exec(stdout)?.[1] as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stdout.trim().split("\n")).toHaveLength(1);

      const server = JSON.parse(fs.readFileSync(path.join(stateDir, "server.json"), "utf8")) as Record<string, unknown>;
      expect(server).toMatchObject({
        url,
        pid: expect.any(Number),
        controlToken: expect.any(String),
        scenario: "empty",
      });
      expect(fs.readFileSync(path.join(stateDir, "control-token"), "utf8").trim()).toBe(server.controlToken);

      const kubeconfig = parse(fs.readFileSync(path.join(stateDir, "kubeconfig"), "utf8"));
      expect(kubeconfig["current-context"]).toBe("demo-admin");
      expect(kubeconfig.contexts.map((c: { name: string }) => c.name)).toEqual([
        "demo-admin",
        "demo-operator",
        "demo-viewer",
        "demo-fluxtower",
      ]);
      expect(kubeconfig.users.map((u: { name: string }) => u.name)).toEqual([
        "admin",
        "operator",
        "viewer",
        "fluxtower",
      ]);
      expect(kubeconfig.clusters[0].name).toBe("demo");
      const app = parse(fs.readFileSync(path.join(stateDir, "fluxtower.kubeconfig"), "utf8"));
      expect(app.contexts).toEqual([{ name: "demo", context: { cluster: "demo", user: "fluxtower" } }]);
      expect(app["current-context"]).toBe("demo");
      const appToken = app.users[0].user.token as string;

      const res = await fetch(`${url}/api/v1/namespaces`, { headers: { Authorization: `Bearer ${appToken}` } });
      expect(res.status).toBe(200);
      const state = await fetch(`${url}/__demo/state`, {
        headers: { Authorization: `Bearer ${String(server.controlToken)}` },
      });
      expect(state.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(stateDir, "server.json"))).toBe(false);
  });

  it("rejects unknown arguments with exit code 1", async () => {
    const child = spawn(TSX, ["democluster/main.ts", "--bogus"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('unknown argument "--bogus"');
  });
});
