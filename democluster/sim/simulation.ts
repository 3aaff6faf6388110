// startSimulation (contract in ./types.ts): loads a scenario into the store, then runs the simulated Flux, ESO and
// workload controllers against it. Controllers only enqueue from store events; all work runs on one scheduler
// whose delays follow the time scale and which holds paused kinds/namespaces.
import type { KObject, Store, StoreEvent } from "../store/types";
import type { Simulation, SimulationOptions, StartSimulation, SimFilter } from "./types";
import type { SimContext, SimErrorRecord } from "./context";
import { Scheduler } from "./scheduler";
import { EventRecorder } from "./events";
import { Rng } from "./random";
import { Vault } from "../vault/vault";
import { Databases } from "./databases";
import { GitRemotes } from "./git-remotes";
import { PodLogs } from "./pod-logs";
import { R } from "./resources";
import { createControllers } from "./controllers";
import { applyScenario, extractManifest, loadScenario } from "../scenarios/load";

const MAX_ERRORS = 50;

export const startSimulation: StartSimulation = async (
  store: Store,
  options: SimulationOptions,
): Promise<Simulation> => {
  const spec = loadScenario(options.scenario);
  const rng = new Rng(spec.seed ?? spec.name);
  const errors: SimErrorRecord[] = [];
  const reportError = (where: string, err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    errors.push({ at: new Date().toISOString(), where, message });
    if (errors.length > MAX_ERRORS) errors.shift();
    console.error(`democluster simulation: ${where}:`, err);
  };
  const scheduler = new Scheduler(options.timeScale ?? 1, (err, id) => reportError(id, err));
  const logs = new PodLogs(store, () => scheduler.timeScale);
  const ctx: SimContext = {
    store,
    scheduler,
    events: new EventRecorder(store, rng.fork("events")),
    vault: new Vault(),
    databases: new Databases(),
    rng: rng.fork("controllers"),
    git: new GitRemotes(rng.fork("git")),
    logs,
    contents: new Map<string, KObject[]>(),
    delay: (min, max) => min + rng.next() * (max - min),
    reportError,
    errors,
  };
  const loadStarted = Date.now();
  applyScenario(ctx, spec, options.params ?? {});
  const loadMs = Date.now() - loadStarted;

  const controllers = createControllers(ctx);
  const unsubscribe = store.subscribe((event: StoreEvent) => {
    for (const c of controllers.all) {
      try {
        c.onEvent(event);
      } catch (err) {
        reportError(
          `${c.name} onEvent ${event.object.kind} ${event.object.metadata.namespace ?? ""}/${event.object.metadata.name}`,
          err,
        );
      }
    }
  });
  for (const c of controllers.all) c.start();

  let stopped = false;
  const sim: Simulation = {
    logs,
    pushGitRevision(namespace, name, revision) {
      if (store.get(R.gitrepositories, namespace, name)) return controllers.git.push(namespace, name, revision);
      if (store.get(R.ocirepositories, namespace, name)) return controllers.oci.push(namespace, name, revision);
      throw new Error(`no GitRepository or OCIRepository ${namespace}/${name}`);
    },
    vaultSet(storeName, item, fields) {
      ctx.vault.set(storeName, item, fields);
    },
    vaultDelete(storeName, item, field) {
      ctx.vault.delete(storeName, item, field);
    },
    setKustomizationContents(namespace, name, manifests) {
      const registered = manifests.map((m) => extractManifest(ctx, m as unknown as Record<string, unknown>).obj);
      ctx.contents.set(`${namespace}/${name}`, registered);
    },
    databaseSetPassword(host, user, password) {
      if (!ctx.databases.hosts().includes(host)) ctx.databases.add({ host, users: {} });
      ctx.databases.setPassword(host, user, password);
    },
    databaseSetFernetKey(host, key) {
      ctx.databases.setFernetKey(host, key);
    },
    setVaultReachable(storeName, reachable) {
      ctx.vault.setUnreachable(storeName, !reachable);
    },
    pause(filter?: SimFilter) {
      scheduler.pause(filter);
    },
    resume(filter?: SimFilter) {
      scheduler.resume(filter);
    },
    setTimeScale(scale) {
      scheduler.setTimeScale(scale);
    },
    describe() {
      return {
        scenario: spec.name,
        description: spec.description,
        timeScale: scheduler.timeScale,
        loadMs,
        paused: scheduler.pauseFilters(),
        tasks: scheduler.stats(),
        vault: ctx.vault.describe(),
        databases: ctx.databases.hosts(),
        databaseState: ctx.databases.describe(),
        gitHeads: ctx.git.all(),
        errors: errors.slice(-10),
        errorCount: errors.length,
      };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      scheduler.stop();
      logs.stop();
    },
  };
  return sim;
};
