// In-process entry point: startDemoCluster() builds the store, the HTTP API server and (optionally) the
// simulation, writes the kubeconfigs, and returns handles for tests. main.ts is the CLI around it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemoryStore } from "./store/memory-store";
import { CRD_BACKED_TYPES, CRD_TYPE, STORED_TYPES, crdObjectFor } from "./registrations";
import { loadPolicy } from "./auth/policy";
import { generateUserTokens, randomToken, type UserTokens } from "./auth/tokens";
import { createDemoServer, type DemoServer } from "./server/http-server";
import { loadStartSimulation } from "./server/simulation-loader";
import { writeStateFiles } from "./server/state-files";
import type { Simulation, StartSimulation } from "./sim/types";

export interface StartDemoClusterOptions {
  /** Scenario for the simulation ("airflow", "incidents", "large", "empty"); undefined = no simulation. */
  scenario?: string;
  params?: Record<string, string>;
  timeScale?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where kubeconfig, fluxtower.kubeconfig, control-token and server.json go (default: a fresh temp dir). */
  stateDir?: string;
  /** Retained watch events (default 10,000). */
  eventWindow?: number;
  bookmarkIntervalMs?: number;
  bodyLimit?: number;
  /** Requests kept in the /__demo/requests log (default 2,000). */
  requestLogSize?: number;
  policyPath?: string;
  /** Use this instead of democluster/sim/simulation.ts (tests). */
  startSimulation?: StartSimulation;
}

export interface DemoCluster {
  /** Plain http URL (scripts, control endpoints). The same port also speaks https. */
  url: string;
  /** https URL used in the kubeconfigs (kubectl only sends tokens over TLS). */
  httpsUrl: string;
  /** The self-signed certificate to trust for httpsUrl. */
  caPem: string;
  port: number;
  stateDir: string;
  kubeconfigPath: string;
  appKubeconfigPath: string;
  tokens: UserTokens;
  controlToken: string;
  store: MemoryStore;
  sim: Simulation | undefined;
  server: DemoServer;
  stop(): Promise<void>;
}

const DEFAULT_NAMESPACES = ["default", "kube-system", "kube-public"];

function ensureNamespaces(store: MemoryStore, names: string[]): void {
  const key = { group: "", plural: "namespaces" };
  for (const name of names) {
    if (!store.getEntry(key, undefined, name)) {
      store.create(
        key,
        { apiVersion: "v1", kind: "Namespace", metadata: { name }, status: { phase: "Active" } },
        { fieldManager: "democluster" },
      );
    }
  }
}

export async function startDemoCluster(opts: StartDemoClusterOptions = {}): Promise<DemoCluster> {
  const storeOptions = opts.eventWindow !== undefined ? { eventWindow: opts.eventWindow } : {};
  const store = new MemoryStore(STORED_TYPES, storeOptions);
  for (const rt of CRD_BACKED_TYPES) store.create(CRD_TYPE, crdObjectFor(rt), { fieldManager: "democluster" });

  const tokens = generateUserTokens();
  const controlToken = `control-${randomToken()}`;
  const serverOptions: Parameters<typeof createDemoServer>[0] = {
    store,
    policy: loadPolicy(opts.policyPath),
    tokens,
    controlToken,
  };
  if (opts.bookmarkIntervalMs !== undefined) serverOptions.bookmarkIntervalMs = opts.bookmarkIntervalMs;
  if (opts.bodyLimit !== undefined) serverOptions.bodyLimit = opts.bodyLimit;
  if (opts.requestLogSize !== undefined) serverOptions.requestLogSize = opts.requestLogSize;
  const server = createDemoServer(serverOptions);
  const port = await server.listen(opts.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const httpsUrl = `https://127.0.0.1:${port}`;

  let sim: Simulation | undefined;
  try {
    const start = opts.startSimulation ?? (opts.scenario !== undefined ? await loadStartSimulation() : undefined);
    if (start) {
      const simOptions: Parameters<StartSimulation>[1] = { scenario: opts.scenario ?? "empty" };
      if (opts.params) simOptions.params = opts.params;
      if (opts.timeScale !== undefined) simOptions.timeScale = opts.timeScale;
      sim = await start(store, simOptions);
      server.setSimulation(sim);
    }
    ensureNamespaces(store, DEFAULT_NAMESPACES);
  } catch (err) {
    await server.close();
    throw err;
  }

  const ownDir = opts.stateDir === undefined;
  const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "democluster-"));
  const paths = writeStateFiles(stateDir, {
    url,
    httpsUrl,
    caPem: server.cert.certPem,
    tokens,
    controlToken,
    scenario: opts.scenario ?? null,
  });

  let stopped = false;
  return {
    url,
    httpsUrl,
    caPem: server.cert.certPem,
    port,
    stateDir,
    kubeconfigPath: paths.kubeconfig,
    appKubeconfigPath: paths.appKubeconfig,
    tokens,
    controlToken,
    store,
    sim,
    server,
    async stop() {
      if (stopped) return;
      stopped = true;
      fs.rmSync(paths.serverJson, { force: true });
      await server.close();
      if (sim) await sim.stop();
      if (ownDir) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
