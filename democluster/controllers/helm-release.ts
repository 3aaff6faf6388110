// helm-controller: decides per reconcile whether to install, upgrade, stay (in sync) or stall; honours
// requestedAt / forceAt / resetAt exactly like HC (force and reset only when equal to requestedAt), counter resets
// on generation/chart/values change, suspend, dependsOn, and the finalizer (uninstall on delete).
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMaps, asString, generationOf, getPath, objKey, specOf, statusOf, type JsonMap } from "../sim/objects";
import { getCondition } from "../sim/conditions";
import { durationOr, formatDuration } from "../sim/duration";
import { sha256Hex, valuesDigest } from "../sim/hash";
import { ensureFinalizer, FLUX_FINALIZER, FORCE_AT, ReconcileLoop, removeFinalizer, RESET_AT } from "./controller";
import {
  intervalMs,
  isSuspended,
  markHandled,
  markNotReady,
  markReconciling,
  markReady,
  requestToken,
  wantsReconcile,
} from "./flux-common";
import { helmChartName, releaseNameOf, resolveChart } from "./helm-chart-source";
import { composeValues } from "./helm-values";
import {
  clearFailures,
  countersOf,
  exhausted,
  historyOf,
  lastAttempt,
  markStalledRetries,
  remediationOf,
  type HelmAction,
} from "./helm-release-status";
import { HC, nextReleaseVersion, stepFlight, uninstall, type ActionHost, type Flight } from "./helm-release-action";
import type { ChartVersion } from "./chart-catalog";

export class HelmReleaseController extends ReconcileLoop {
  private readonly flights = new Map<string, Flight>();
  /** HelmReleases waiting on a dependency (Ready reason DependencyNotReady): the only ones a dependency can wake. */
  private readonly waiting = new Map<string, { namespace: string; name: string }>();
  private readonly host: ActionHost;

  constructor(ctx: SimContext) {
    super(ctx, HC, "HelmRelease", R.helmreleases);
    this.host = {
      ctx,
      writeStatus: (hr, fn) => void this.writeStatus(hr.metadata.namespace, hr.metadata.name, fn),
    };
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      const id = objKey(obj.metadata.namespace, obj.metadata.name);
      if (event.type !== "DELETED" && getCondition(obj, "Ready")?.reason === "DependencyNotReady") {
        this.waiting.set(id, { namespace: obj.metadata.namespace ?? "", name: obj.metadata.name });
      } else this.waiting.delete(id);
      if (
        event.type !== "DELETED" &&
        wantsReconcile(obj) &&
        !this.flights.has(objKey(obj.metadata.namespace, obj.metadata.name))
      )
        this.enqueueObj(obj, this.ctx.delay(200, 500));
      if (event.type !== "DELETED") this.wakeDependents(obj);
      return;
    }
    if (this.is(event, R.helmcharts)) {
      const name = obj.metadata.labels?.["helm.toolkit.fluxcd.io/name"];
      const ns = obj.metadata.labels?.["helm.toolkit.fluxcd.io/namespace"];
      if (name && ns && getCondition(obj, "Ready")?.status !== "Unknown")
        this.enqueue(ns, name, this.ctx.delay(200, 500));
    }
  }

  start(): void {
    for (const hr of this.ctx.store.list(this.key)) {
      this.enqueueObj(hr, wantsReconcile(hr) ? this.ctx.delay(200, 700) : intervalMs(hr, 600_000));
    }
  }

  private wakeDependents(dep: KObject): void {
    if (getCondition(dep, "Ready")?.status !== "True" || this.waiting.size === 0) return;
    for (const w of this.waiting.values()) {
      const hr = this.get(w.namespace, w.name);
      if (!hr) continue;
      if (
        asMaps(specOf(hr).dependsOn).some(
          (d) =>
            d.name === dep.metadata.name && (asString(d.namespace) ?? hr.metadata.namespace) === dep.metadata.namespace,
        )
      ) {
        if (getCondition(hr, "Ready")?.reason === "DependencyNotReady") this.enqueueObj(hr, this.ctx.delay(200, 500));
      }
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const ns = namespace ?? "";
    const id = objKey(ns, name);
    const hr = this.get(ns, name);
    if (!hr) {
      this.flights.delete(id);
      return;
    }
    if (hr.metadata.deletionTimestamp) return this.finalize(hr);
    if (!(hr.metadata.finalizers ?? []).includes(FLUX_FINALIZER))
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, FLUX_FINALIZER));
    if (isSuspended(hr)) return;

    const flight = this.flights.get(id);
    if (flight) {
      const step = stepFlight(this.host, hr, flight);
      if (!step.done) return this.enqueue(ns, name, step.nextMs);
      this.flights.delete(id);
      if (step.retryMs !== undefined) this.enqueue(ns, name, step.retryMs);
      else this.enqueue(ns, name, this.ctx.delay(300, 600)); // pick up changes made during the action
      return;
    }
    this.decide(hr);
  }

  private decide(hr: KObject): void {
    const ns = hr.metadata.namespace ?? "";
    const name = hr.metadata.name;
    const token = requestToken(hr);
    const ann = hr.metadata.annotations ?? {};
    const st = statusOf(hr);
    const forceReq = token !== undefined && ann[FORCE_AT] === token && asString(st.lastHandledForceAt) !== token;
    const resetReq = token !== undefined && ann[RESET_AT] === token && asString(st.lastHandledResetAt) !== token;
    const interval = intervalMs(hr, 600_000);

    const dep = this.dependencyProblem(hr);
    if (dep) return this.notReady(hr, "DependencyNotReady", dep, 5000);
    const chart = resolveChart(this.ctx, hr);
    if (!chart.ready) return this.notReady(hr, "ArtifactFailed", chart.message, 10_000, chart.source, chart.pending);
    const composed = composeValues(this.ctx, hr);
    if (!composed.ok) return this.notReady(hr, "ValuesError", composed.message, interval);
    const digest = valuesDigest(composed.values);

    const last = lastAttempt(hr);
    const reset =
      resetReq ||
      last.generation !== generationOf(hr) ||
      last.revision !== chart.chart.version ||
      last.digest !== digest;
    const counters = reset ? { failures: 0, installFailures: 0, upgradeFailures: 0 } : countersOf(hr);
    const history = historyOf(hr);
    const deployed = history.find((s) => s.status === "deployed");
    const latest = history[0];
    let action: HelmAction | undefined;
    if (!deployed) action = "install";
    else if (
      forceReq ||
      latest?.status === "failed" ||
      deployed.chartVersion !== chart.chart.version ||
      deployed.configDigest !== digest
    )
      action = "upgrade";

    if (!action) {
      this.writeStatus(ns, name, (s) => {
        if (resetReq) {
          clearFailures(s);
          s.lastHandledResetAt = token;
        }
        if (forceReq) s.lastHandledForceAt = token;
        s.helmChart = chart.source;
        // Like helm-controller (fluxcd/helm-controller#1411), conditions are refreshed on every reconcile, so Ready
        // is for the current generation after a spec change that needs no Helm action (e.g. suspend/resume).
        if (latest?.status === "deployed") {
          markReady(
            s,
            hr,
            getCondition(hr, "Released")?.reason ?? "UpgradeSucceeded",
            getCondition(hr, "Released")?.message ?? "release in sync",
          );
        }
        markHandled(s, hr);
      });
      this.enqueue(ns, name, interval);
      return;
    }
    const rem = remediationOf(hr, action);
    const failures = action === "install" ? counters.installFailures : counters.upgradeFailures;
    if (exhausted(rem.retries, failures) && !forceReq) {
      this.writeStatus(ns, name, (s) => {
        markStalledRetries(s, hr, action, failures);
        markHandled(s, hr);
      });
      return; // terminal: no requeue until something resets the counters
    }
    this.begin(hr, action, chart.chart, chart.source, composed.values, digest, { reset, resetReq, forceReq, token });
  }

  private begin(
    hr: KObject,
    action: HelmAction,
    chart: ChartVersion,
    source: string,
    values: JsonMap,
    digest: string,
    req: { reset: boolean; resetReq: boolean; forceReq: boolean; token?: string },
  ): void {
    const ns = hr.metadata.namespace ?? "";
    const target = asString(specOf(hr).targetNamespace) ?? ns;
    const release = releaseNameOf(hr, sha256Hex);
    const ref = { release, namespace: target, hrName: hr.metadata.name, hrNamespace: ns };
    const timeoutText = asString(getPath(hr, `spec.${action}.timeout`)) ?? asString(specOf(hr).timeout) ?? "5m0s";
    const timeoutMs = durationOr(timeoutText, 300_000);
    const flight: Flight = {
      action,
      phase: "apply",
      token: req.token,
      generation: generationOf(hr),
      digest,
      chart,
      values,
      ref,
      version: nextReleaseVersion(this.ctx, ref),
      timeoutMs,
      deadline: Number.POSITIVE_INFINITY,
      started: Date.now(),
      disableWait: getPath(hr, `spec.${action}.disableWait`) === true,
    };
    this.flights.set(objKey(ns, hr.metadata.name), flight);
    this.writeStatus(ns, hr.metadata.name, (s) => {
      if (req.reset) clearFailures(s);
      if (req.resetReq) s.lastHandledResetAt = req.token;
      if (req.forceReq) s.lastHandledForceAt = req.token;
      markReconciling(s, hr, `Running '${action}' action with timeout of ${formatDuration(timeoutMs)}`);
      s.helmChart = source;
      s.lastAttemptedRevision = chart.version;
      s.lastAttemptedConfigDigest = digest;
      s.lastAttemptedGeneration = flight.generation;
      s.lastAttemptedReleaseAction = action;
      s.storageNamespace = target;
    });
    this.enqueue(ns, hr.metadata.name, this.ctx.delay(800, 1500));
  }

  private notReady(
    hr: KObject,
    reason: string,
    message: string,
    retryMs: number,
    source?: string,
    quiet = false,
  ): void {
    this.writeStatus(hr.metadata.namespace, hr.metadata.name, (s) => {
      markNotReady(s, hr, reason, message);
      if (source) s.helmChart = source;
      markHandled(s, hr);
    });
    if (!quiet) this.ctx.events.record(hr, reason === "DependencyNotReady" ? "Normal" : "Warning", reason, message, HC);
    this.enqueue(hr.metadata.namespace, hr.metadata.name, retryMs);
  }

  private dependencyProblem(hr: KObject): string | undefined {
    for (const d of asMaps(specOf(hr).dependsOn)) {
      const depNs = asString(d.namespace) ?? hr.metadata.namespace ?? "";
      const depName = asString(d.name) ?? "";
      const dep = this.ctx.store.get(R.helmreleases, depNs, depName);
      if (!dep || getCondition(dep, "Ready")?.status !== "True") return `dependency '${depNs}/${depName}' is not ready`;
    }
    return undefined;
  }

  private finalize(hr: KObject): void {
    const ns = hr.metadata.namespace ?? "";
    this.flights.delete(objKey(ns, hr.metadata.name));
    if (!specOf(hr).suspend) {
      const target = asString(specOf(hr).targetNamespace) ?? ns;
      uninstall(this.ctx, hr, {
        release: releaseNameOf(hr, sha256Hex),
        namespace: target,
        hrName: hr.metadata.name,
        hrNamespace: ns,
      });
    }
    if (getPath(hr, "spec.chart.spec")) {
      const chart = helmChartName(hr);
      if (this.ctx.store.get(R.helmcharts, chart.namespace, chart.name))
        this.ctx.store.delete(R.helmcharts, chart.namespace, chart.name);
    }
    this.writeMain(ns, hr.metadata.name, (o) => removeFinalizer(o, FLUX_FINALIZER));
  }
}
