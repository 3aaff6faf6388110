// npm run bench, measurement half (bench.sh starts the stack and the readiness poller first).
// Env: STACK_DIR, APP_URL, APP_PID, DEMO_PID, READY_FILE, BENCH_OUT, BENCH_PARAMS (the scenario params, for the record).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppClient } from "./app-client";
import { control, KubeClient, loadDemoCluster, StateSchema } from "./kube-client";
import { measureAck } from "./measure-ack";
import { helmReleaseTargets, measureEndpoint, measureRawHelmReleaseList, spread } from "./measure-api";
import { measurePropagation, measureWatches } from "./measure-live";
import { measureRawList, readCacheSync } from "./measure-sync";
import { mainProcess, treeRssMb, waitForQuiet } from "./proc";
import { printTable, r1, writeJson } from "./report";
import { ACK_METHOD, jsonFigures, METHODS, tableRows, type Measured } from "./results";
import { HINTS } from "./hints";

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through npm run bench)`);
  return v;
}

const step = (msg: string) => console.log(`· ${msg}`);

function demoStartMs(stackDir: string): number | null {
  const log = fs.readFileSync(path.join(stackDir, "democluster.log"), "utf8");
  const m = /scenario \S+ started in (\d+) ms/.exec(log);
  return m ? Number(m[1]) : null;
}

function appRss(appPid: number): number | null {
  return mainProcess(appPid, /^next-server/)?.rssMb ?? null;
}

async function main(): Promise<void> {
  const stackDir = env("STACK_DIR");
  const appUrl = env("APP_URL");
  const appPid = Number(env("APP_PID"));
  const demoPid = Number(env("DEMO_PID"));
  const demo = loadDemoCluster(stackDir);
  const kubeApp = new KubeClient(demo, demo.appToken);
  const kubeAdmin = new KubeClient(demo, demo.adminToken);

  const sync = readCacheSync(env("READY_FILE"), appPid);
  const rssAtReady = appRss(appPid);
  const state = await control(demo, "/state", StateSchema);
  const count = (k: string) => state.objects[k] ?? 0;
  console.log(
    `\nScenario large (${process.env.BENCH_PARAMS ?? "defaults"}), time scale ${state.simulation?.timeScale ?? "?"}: ` +
      `${count("helmreleases.helm.toolkit.fluxcd.io")} HelmReleases, ${count("kustomizations.kustomize.toolkit.fluxcd.io")} Kustomizations, ` +
      `${count("externalsecrets.external-secrets.io")} ExternalSecrets, ${count("pods")} pods, ` +
      `${Object.values(state.objects).reduce((a, b) => a + b, 0)} objects in all`,
  );
  console.log(
    `Machine: ${os.cpus().length} CPUs, Node ${process.version}; app and demo cluster share them with this client.\n`,
  );

  const [admin, operator, viewer] = await Promise.all(
    ["admin", "operator", "viewer"].map((u) =>
      AppClient.signIn(appUrl, u, process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo"),
    ),
  );
  const appMain = mainProcess(appPid, /^next-server/);
  step("waiting for the app's background work after readyz to drain (< 0.15 CPU over 3 s, at most 120 s)");
  const settleMs = appMain ? await waitForQuiet(appMain.pid) : null;
  const loadBefore = os.loadavg()[0];

  step("raw LIST of every cached kind (3 runs, kinds in parallel, limit=500, app token, https)");
  const rawList = await measureRawList(kubeApp, 3);
  step("raw LIST of every HelmRelease (10 runs)");
  const rawHr = await measureRawHelmReleaseList(kubeApp, 10);
  step("overview, list and no-op endpoints (5 warm-up + 50 timed requests each)");
  const overview = await measureEndpoint(admin, "/api/v1/overview");
  const list = await measureEndpoint(admin, "/api/v1/clusters/demo/resources?resource=helmreleases");
  const floor = await measureEndpoint(admin, "/api/v1/clusters");

  step("watch connections with 0, 1 and 50 SSE clients (admin, operator and viewer sessions)");
  const watches = await measureWatches(demo, [admin, operator, viewer]);
  const targets = await helmReleaseTargets(admin);
  step(
    `change → SSE latency: 30 label patches on HelmReleases, 50 SSE clients open (${watches.clients.filter((c) => c.app.username === "admin").length} as admin)`,
  );
  const prop = await measurePropagation(kubeAdmin, watches.clients, spread(targets, 30, 0), "admin");
  for (const c of watches.clients) c.close();

  step("click → acknowledged: 25 reconcile actions on HelmReleases");
  const ack = await measureAck(admin, kubeAdmin, spread(targets, 25, 7));

  const rss = appRss(appPid);
  const loadAfter = os.loadavg()[0];
  const demoMain = mainProcess(demoPid, /democluster\/main\.ts/);
  const demoStart = demoStartMs(stackDir);

  const measured: Measured = {
    sync,
    settleMs,
    rawList,
    rawHr,
    overview,
    list,
    noop: floor,
    watches,
    prop,
    ack,
    rssMb: rss,
    rssAtReadyMb: rssAtReady,
  };
  const missed = printTable(
    "Fluxtower benchmark — every figure next to a baseline measured in this run",
    tableRows(measured),
  );

  console.log(
    `\nDemo cluster: large scenario started in ${demoStart === null ? "?" : `${demoStart.toLocaleString("en-US")} ms`} (load ${state.simulation?.loadMs ?? "?"} ms); ` +
      `API server RSS ${demoMain ? demoMain.rssMb.toFixed(1) : "?"} MB (process tree ${treeRssMb(demoPid).toFixed(1)} MB).`,
  );
  console.log(
    `Load average (1 min) ${loadBefore.toFixed(1)} before the measurements, ${loadAfter.toFixed(1)} after, on ${os.cpus().length} CPUs (other work on the machine skews every figure).`,
  );
  console.log(
    `App process tree RSS ${treeRssMb(appPid).toFixed(1)} MB (npx wrapper included); raw LIST runs: ${rawList.runs.map((t) => Math.round(t)).join(", ")} ms.`,
  );
  if (prop.missed)
    console.log(
      `Propagation: ${prop.missed} of 30 patches never reached every admin SSE client within 5 s (left out).`,
    );
  console.log(METHODS);
  if (ack.available) {
    console.log(ACK_METHOD);
    if (ack.missed) console.log(`Actions: ${ack.missed} sample(s) left out: ${ack.notes.slice(0, 3).join("; ")}`);
  } else {
    console.log(`Click→acknowledged: n/a (actions API not available: ${ack.reason}).`);
  }
  if (missed.length) {
    console.log("\nGoals missed:");
    for (const m of missed)
      console.log(`  ✗ ${m.figure}: ${m.value} (goal ${m.goal})${HINTS[m.figure] ? `\n    ${HINTS[m.figure]}` : ""}`);
  } else console.log("\nEvery goal met.");

  const out = env("BENCH_OUT");
  writeJson(out, {
    ...jsonFigures(measured),
    demoStartMs: demoStart,
    demoRssMb: r1(demoMain?.rssMb ?? null),
    meta: {
      at: new Date().toISOString(),
      params: process.env.BENCH_PARAMS ?? "",
      timeScale: state.simulation?.timeScale ?? null,
      objects: state.objects,
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: { before: r1(loadBefore), after: r1(loadAfter) },
      goalsMissed: missed.map((m) => m.figure),
      ackNote: ack.available ? undefined : `n/a (actions API not available: ${ack.reason})`,
    },
  });
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
