// Pre-deployment: Flux objects healthy, valuesFrom resolvable, chart version pinned, referenced Secrets present.

import type { KubeObject, ObjectRef } from "../../kinds/object";
import { resourceForKind } from "../../kinds/registry";
import { isExactVersion, requestedChartVersion } from "../discovery";
import type { EvalContext } from "../context";
import { MAX_PENDING, pendingText } from "../deployed-values";
import { condition, refOf } from "../kube-readers";
import { checkSecretRef, referencedSecrets } from "../secret-refs";
import type { ChecklistSnapshot } from "../snapshot";
import type { Check, CheckOutcome, Evidence } from "../types";
import { isMap } from "../values";
import { ev, fail, notApplicable, pass, warn } from "./outcome";

const PART = { part: "pre", partTitle: "Pre-deployment" } as const;

const OK_VERDICTS = new Set(["healthy", "ready", "current", "true", "succeeded", "ok", "pass"]);
const PENDING_VERDICTS = new Set([
  "progressing",
  "reconciling",
  "inprogress",
  "in-progress",
  "unknown",
  "pending",
  "suspended",
]);

/** Classify a verdict string from lib/health: ok, pending (warn) or bad (fail). */
export function classifyVerdict(verdict: string): "ok" | "pending" | "bad" {
  const v = verdict.trim().toLowerCase();
  if (OK_VERDICTS.has(v)) return "ok";
  if (PENDING_VERDICTS.has(v)) return "pending";
  return "bad";
}

function fluxOutcome(snapshot: ChecklistSnapshot): CheckOutcome {
  const { release } = snapshot;
  const evidence: Evidence[] = [];
  const bad: string[] = [];
  const pending: string[] = [];
  const ready = condition(release, "Ready");
  const stalled = condition(release, "Stalled");
  evidence.push(
    ev(
      `HelmRelease ${release.metadata.name}: Ready=${ready?.status ?? "missing"}${ready?.reason ? ` (${ready.reason})` : ""}${ready?.message ? `: ${ready.message}` : ""}`,
      refOf(release),
    ),
  );
  if (stalled?.status === "True") {
    evidence.push(ev(`Stalled=True (${stalled.reason ?? ""}): ${stalled.message ?? ""}`, refOf(release)));
    bad.push(`HelmRelease ${release.metadata.name} is stalled`);
  } else if (ready?.status === "False") bad.push(`HelmRelease ${release.metadata.name} is not Ready`);
  else if (ready?.status !== "True") pending.push(`HelmRelease ${release.metadata.name}`);
  if (release.spec?.suspend === true) pending.push(`HelmRelease ${release.metadata.name} is suspended`);
  const isRelease = (f: { kind: string; namespace: string; name: string }) =>
    f.kind === "HelmRelease" &&
    f.name === release.metadata.name &&
    f.namespace === (release.metadata.namespace ?? f.namespace);
  for (const f of snapshot.fluxObjects) {
    if (isRelease(f)) continue;
    const resource = resourceForKind(f.kind)?.resource ?? `${f.kind.toLowerCase()}s`;
    const rev = f.revision ? ` @ ${f.revision}` : "";
    evidence.push(
      ev(`${f.kind} ${f.namespace}/${f.name}: ${f.verdictStatus}${rev}${f.message ? ` — ${f.message}` : ""}`, {
        resource,
        namespace: f.namespace,
        name: f.name,
      }),
    );
    const c = classifyVerdict(f.verdictStatus);
    if (c === "bad") bad.push(`${f.kind} ${f.name} is ${f.verdictStatus}`);
    else if (c === "pending") pending.push(`${f.kind} ${f.name} is ${f.verdictStatus}`);
  }
  if (bad.length) return fail(bad.join("; "), evidence);
  if (pending.length) return warn(`Not settled: ${pending.join("; ")}`, evidence);
  return pass("The HelmRelease and its sources are healthy", evidence);
}

/** HelmRelease Ready and not stalled; its sources / Kustomization healthy. */
export const fluxHealthy: Check = {
  ...PART,
  id: "pre.flux-healthy",
  version: 1,
  title: "Flux objects for the release healthy",
  why: "A release whose HelmRelease, chart source or Kustomization is failing is not running the configuration being reviewed.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: {
    text: "Fix the failing object (see its message); a Stalled HelmRelease needs `flux reconcile hr NAME --reset` once the cause is fixed.",
  },
  evaluate: (snapshot) => fluxOutcome(snapshot),
};

/** Every non-optional `spec.valuesFrom` entry resolves (else helm-controller fails with ValuesError). */
export const valuesSources: Check = {
  ...PART,
  id: "pre.values-sources",
  version: 1,
  title: "valuesFrom sources resolvable",
  why: "A missing non-optional ConfigMap/Secret in valuesFrom stops every upgrade; the values reviewed here would be incomplete.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: { text: "Create the missing ConfigMap/Secret or key, or mark the reference `optional: true`." },
  evaluate(snapshot, ctx) {
    const refs = snapshot.release.spec?.valuesFrom;
    if (!Array.isArray(refs) || refs.length === 0) return notApplicable("No valuesFrom references");
    const evidence = [...ctx.valuesProblems, ...ctx.valuesNotes].map((p) => ev(p));
    evidence.unshift(ev(`${refs.length} valuesFrom reference(s), merged in order before spec.values`));
    return ctx.valuesProblems.length
      ? fail(ctx.valuesProblems.join("; "), evidence)
      : pass("All valuesFrom references resolve", evidence);
  },
};

function recordRef(snapshot: ChecklistSnapshot, ctx: EvalContext): ObjectRef | undefined {
  const rev = ctx.helm?.revision;
  if (ctx.judgedFrom !== "helm-record" || rev === undefined) return undefined;
  const ns =
    typeof snapshot.release.status?.storageNamespace === "string"
      ? snapshot.release.status.storageNamespace
      : ctx.namespace;
  return { resource: "secrets", namespace: ns, name: `sh.helm.release.v1.${ctx.releaseName}.v${rev}` };
}

/**
 * The values judged are what runs: Helm's record is read, and the HelmRelease asks for nothing Helm has not applied
 * (a failed or pending upgrade, values the chart's `values.schema.json` refused). Without a record it says the
 * checklist judged the HelmRelease's values.
 */
export const valuesApplied: Check = {
  ...PART,
  id: "pre.values-applied",
  version: 1,
  title: "The reviewed values are what runs",
  why: "Helm's release record holds the values and chart version actually deployed. Values the HelmRelease asks for but Helm has not applied (a failed or pending upgrade, values the chart's schema refused) are not running, however good they look.",
  mode: "auto",
  severity: "high",
  blocking: false,
  fix: {
    text: "Fix what stops the upgrade (see the HelmRelease's message; a schema error names the refused value), then let Flux upgrade the release.",
  },
  evaluate(snapshot, ctx) {
    const helm = ctx.helm;
    if (ctx.judgedFrom === "helmrelease" || !helm) return warn(ctx.valuesSource, [ev(ctx.valuesSource)]);
    const evidence: Evidence[] = [ev(ctx.valuesSource, recordRef(snapshot, ctx))];
    const requested = requestedChartVersion(snapshot.release);
    const chartPending =
      isExactVersion(requested) &&
      helm.chartVersion &&
      requested?.replace(/^v/, "") !== helm.chartVersion.replace(/^v/, "");
    if (chartPending)
      evidence.push(ev(`pending: the HelmRelease asks for chart ${requested}, Helm runs chart ${helm.chartVersion}`));
    for (const p of ctx.pending.slice(0, MAX_PENDING)) evidence.push(ev(pendingText(p, helm, false)));
    if (ctx.pending.length > MAX_PENDING) evidence.push(ev(`… and ${ctx.pending.length - MAX_PENDING} more`));
    const count = ctx.pending.length + (chartPending ? 1 : 0);
    if (helm.pending) {
      evidence.push(ev(`Helm has not applied the HelmRelease: ${helm.pending.message}`));
      if (count)
        return fail(
          `The release does not run ${count} value(s) the HelmRelease asks for: ${ctx.pending
            .slice(0, 5)
            .map((p) => `\`${p.path}\``)
            .concat(chartPending ? [`chart ${requested}`] : [])
            .join(", ")}`,
          evidence,
        );
      return warn(`Helm has not applied the HelmRelease: ${helm.pending.message}`, evidence);
    }
    if (count) return warn(`Helm has not applied ${count} value(s) the HelmRelease asks for yet`, evidence);
    return pass(`The deployed values (rev ${helm.revision ?? "?"}) are the HelmRelease's values`, evidence);
  },
};

function refVersion(obj: KubeObject | undefined): { pinned: boolean; text: string } | undefined {
  if (!obj) return undefined;
  if (obj.kind === "HelmChart") {
    const v = typeof obj.spec?.version === "string" ? obj.spec.version : undefined;
    return { pinned: isExactVersion(v), text: `HelmChart version ${v ?? "unset (latest)"}` };
  }
  const ref = isMap(obj.spec?.ref) ? obj.spec.ref : {};
  if (typeof ref.digest === "string") return { pinned: true, text: `OCIRepository digest ${ref.digest}` };
  if (typeof ref.semver === "string") return { pinned: false, text: `OCIRepository semver range ${ref.semver}` };
  if (typeof ref.tag === "string") return { pinned: isExactVersion(ref.tag), text: `OCIRepository tag ${ref.tag}` };
  return { pinned: false, text: "OCIRepository without ref (latest)" };
}

/** `spec.chart.spec.version` (or the chartRef source's ref) is an exact version, not a range. */
export const chartPinned: Check = {
  ...PART,
  id: "pre.chart-pinned",
  version: 1,
  title: "Chart version pinned",
  why: "A range (or no version) upgrades the chart — and possibly Airflow — whenever a new chart is published.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: 'Pin the exact chart version in the HelmRelease: `spec.chart.spec.version: "1.18.0"` (for chartRef, an OCIRepository `ref.tag` or `ref.digest`).',
  },
  evaluate(snapshot) {
    const { release } = snapshot;
    const chartRef = release.spec?.chartRef;
    if (isMap(chartRef)) {
      const obj = snapshot.fluxObjects.find((f) => f.kind === chartRef.kind && f.name === chartRef.name)?.object;
      const v = refVersion(obj);
      if (!v)
        return warn(`Cannot verify pinning: ${String(chartRef.kind)} ${String(chartRef.name)} not in the snapshot`);
      const evidence = [ev(v.text, obj ? refOf(obj) : undefined)];
      return v.pinned ? pass(`Pinned: ${v.text}`, evidence) : fail(`Not pinned: ${v.text}`, evidence);
    }
    const v = requestedChartVersion(release);
    const evidence = [ev(`spec.chart.spec.version = ${v ?? "unset"}`, refOf(release))];
    if (!v) return fail("No chart version: the latest chart is installed", evidence);
    return isExactVersion(v)
      ? pass(`Chart pinned to ${v}`, evidence)
      : fail(`Chart version is a range (${v})`, evidence);
  },
};

/** All Secrets referenced in values exist with their keys ("All secrets created in Kubernetes"). */
export const secretsPresent: Check = {
  ...PART,
  id: "pre.secrets-present",
  version: 1,
  title: "All referenced Secrets created",
  why: "Pods referencing a missing Secret or key fail with CreateContainerConfigError.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: { text: "Create the missing Secrets (or fix their ExternalSecrets) with the listed keys." },
  evaluate(_snapshot, ctx) {
    const refs = referencedSecrets(ctx);
    if (!refs.length) return fail("No Secret is referenced by name; the chart generates or inlines all secrets");
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const r of refs) {
      const check = checkSecretRef(ctx, r.role.id, r.name);
      evidence.push(...check.evidence);
      if (!check.ok) problems.push(check.problem ?? r.name);
    }
    return problems.length
      ? fail(problems.join("; "), evidence)
      : pass(`${refs.length} referenced Secret(s) present with their keys`, evidence);
  },
};

/** Pre-deployment checks in display order. */
export const PRE_CHECKS: readonly Check[] = [fluxHealthy, valuesApplied, valuesSources, chartPinned, secretsPresent];
