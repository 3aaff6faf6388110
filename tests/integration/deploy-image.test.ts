// The container image without a Docker engine: assemble exactly the file tree the Dockerfile's final stage copies
// (its COPY lines, parsed, so the two cannot drift) from this checkout's `next build` into an empty folder, start it
// there with the Dockerfile's CMD and ENV (only the ports, the bind address, the database file and the demo cluster
// overridden, as `docker run -e` would) and use it: migrations apply, a demo user signs in, the overview shows the
// demo cluster, and the run writes nothing into the image's files (the pod's root filesystem is read-only).
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signInAt } from "./app-instance";
import { parseDockerfile, type FinalStage } from "./deploy-dockerfile";
import { DEMO_DIR, eventually } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const DIST = process.env.FLUXTOWER_NEXT_DIST_DIR ?? ".next";
const stage: FinalStage = parseDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));

/** `/app/.next/x` of the build stage → this checkout's `<distDir>/x` (next.config.js honours FLUXTOWER_NEXT_DIST_DIR). */
const local = (p: string) => p.replace(/^\.next(?=\/|$)/, DIST);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("Dockerfile", () => {
  it("runs the final stage on Node 24 slim Debian as a numeric non-root user, in production, without build steps", () => {
    expect(stage.from).toBe("node:24-bookworm-slim");
    expect(stage.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(stage.env.NODE_ENV).toBe("production");
    expect(stage.runs).toEqual([]); // nothing installed or built in the final stage
    expect(stage.copies.length).toBeGreaterThan(0);
    for (const c of stage.copies) expect(c.src.startsWith(`${stage.buildWorkdir}/`), c.src).toBe(true);
    // Migrations are applied at start from <cwd>/prisma/migrations (lib/db/migration-files.ts).
    expect(stage.copies.map((c) => c.dest)).toContain(path.posix.join(stage.workdir, "prisma/migrations"));
    expect(readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n")).toEqual(expect.arrayContaining(["node_modules", ".data", ".next", ".git"]));
  });
});

describe("the image's files, started with the image's command", () => {
  let dir: string;
  let appDir: string;
  let child: ChildProcess | undefined;
  let url: string;
  let before: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "fluxtower-image-"));
    appDir = path.join(dir, "app");
    for (const c of stage.copies) {
      const src = path.join(ROOT, local(path.posix.relative(stage.buildWorkdir, c.src)));
      const dest = path.join(appDir, local(path.posix.relative(stage.workdir, c.dest)));
      if (!existsSync(src)) throw new Error(`the Dockerfile copies ${c.src}, which the build did not produce (${src})`);
      mkdirSync(path.dirname(dest), { recursive: true });
      cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
    }
    before = listFiles(appDir);
    const dataDir = path.join(dir, "data");
    mkdirSync(dataDir);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const [command, ...args] = stage.cmd;
    const log = openSync(path.join(dir, "app.log"), "a");
    child = spawn(command, args, {
      cwd: appDir,
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production", // for the type; the Dockerfile's ENV below sets it
        ...stage.env,
        ...(process.env.FLUXTOWER_NEXT_DIST_DIR ? { FLUXTOWER_NEXT_DIST_DIR: DIST } : {}),
        HOSTNAME: "127.0.0.1",
        PORT: String(port),
        FLUXTOWER_METRICS_HOST: "127.0.0.1",
        FLUXTOWER_METRICS_PORT: String(await freePort()),
        DATABASE_URL: `file:${path.join(dataDir, "fluxtower.db")}`,
        TMPDIR: path.join(dir, "tmp"),
        KUBECONFIG: path.join(DEMO_DIR, "fluxtower.kubeconfig"),
        FLUXTOWER_PUBLIC_URL: url,
        FLUXTOWER_DEMO_MODE: "true",
      },
    });
    mkdirSync(path.join(dir, "tmp"));
    await eventually(async () => {
      if (child?.exitCode !== null) throw new Error(`the image's command exited (${child?.exitCode}): ${readFileSync(path.join(dir, "app.log"), "utf8").slice(-2000)}`);
      return (await fetch(`${url}/api/healthz`).catch(() => undefined))?.ok || undefined;
    }, 90_000, 300);
  }, 120_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child?.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("applies the migrations, signs a demo user in and serves the overview of the demo cluster", async () => {
    const admin = await signInAt(url, "admin");
    const res = await eventually(async () => {
      const r = await admin.fetch("/api/v1/overview");
      const body = r.status === 200 ? ((await r.json()) as { clusters: { id: string; status: string; counts: Record<string, unknown> }[] }) : undefined;
      return body?.clusters.find((c) => c.id === "demo" && c.status === "connected") ? body : undefined;
    }, 60_000, 500);
    const demo = res.clusters.find((c) => c.id === "demo")!;
    expect(Object.keys(demo.counts)).toEqual(expect.arrayContaining(["helmreleases", "kustomizations", "externalsecrets"]));
    expect((await fetch(`${url}/api/readyz`)).status).toBe(200);
  });

  it("writes nothing into the image's files (read-only root filesystem)", () => {
    expect(listFiles(appDir)).toEqual(before);
  });
});
