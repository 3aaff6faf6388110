// Sign-off evidence: an immutable, hashed record of what was approved, and whether it still holds.

import type { KubeObject, ObjectRef } from "../kinds/object";
import { sha256OfJson } from "./canonical-json";
import { buildContext } from "./context";
import { latestHistory } from "./discovery";
import { GATE_OK } from "./evaluate";
import { condition, num, refOf } from "./kube-readers";
import type { ChecklistSnapshot } from "./snapshot";
import type { ChecklistResult, ChecklistSubject, ItemStatus } from "./types";
import { valuesDigest } from "./values";

/** Default sign-off lifetime in days. */
export const DEFAULT_SIGNOFF_DAYS = 90;

/** Who signed. */
export interface Signer {
  name: string;
  groups: string[];
}

/** An object the sign-off was taken against. */
export interface EvidenceObject extends ObjectRef {
  kind: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
}

/** The facts of a snapshot that pin a sign-off to a release state. */
export interface SnapshotFacts {
  /** Helm release revision (`status.history[0].version`). */
  helmRevision?: number;
  chartVersion?: string;
  lastAttemptedRevision?: string;
  /** `sha256:` over the canonical JSON of the user-supplied values (valuesFrom ⊕ spec.values). */
  valuesDigest: string;
}

/** The immutable evidence stored with a sign-off. `hash` covers every other field. */
export interface EvidenceSnapshot {
  schema: "fluxtower.checklist.evidence/v1";
  subject: ChecklistSubject;
  evaluatedAt: string;
  gate: "pass" | "fail";
  score: number;
  items: {
    id: string;
    version: number;
    status: ItemStatus;
    autoStatus: ItemStatus;
    blocking: boolean;
    message: string;
  }[];
  facts: SnapshotFacts;
  flux: {
    helmRelease: {
      lastAttemptedRevision?: string;
      lastAttemptedConfigDigest?: string;
      history0?: Record<string, unknown>;
    };
    sources: { kind: string; namespace: string; name: string; revision?: string; verdictStatus: string }[];
  };
  eso: { name: string; ready?: string; reason?: string; refreshTime?: string }[];
  objects: EvidenceObject[];
  signer: Signer;
  signedAt: string;
  expiresAt: string;
  hash: string;
}

/** Sign-off state derived from the evidence and the current evaluation. */
export type SignoffState = "approved" | "stale" | "expired";

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Facts that pin a sign-off: Helm revision, chart version, values digest. */
export function snapshotFacts(snapshot: ChecklistSnapshot): SnapshotFacts {
  const ctx = buildContext(snapshot);
  const h = latestHistory(snapshot.release);
  return {
    helmRevision: num(h?.version),
    chartVersion: ctx.chartVersion,
    lastAttemptedRevision: str(snapshot.release.status?.lastAttemptedRevision),
    // What the HelmRelease asks for (as before Helm records were read), so existing sign-offs keep their digest.
    valuesDigest: valuesDigest(ctx.asked),
  };
}

function objectOf(o: KubeObject): EvidenceObject {
  return {
    ...refOf(o),
    kind: o.kind,
    uid: o.metadata.uid,
    resourceVersion: o.metadata.resourceVersion,
    generation: o.metadata.generation,
  };
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object") {
    for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

const HISTORY_KEYS = [
  "chartName",
  "chartVersion",
  "appVersion",
  "configDigest",
  "digest",
  "version",
  "status",
  "lastDeployed",
];

/** Build the immutable, hashed evidence for a sign-off (valid `validDays`, default 90). */
export function buildEvidenceSnapshot(
  result: ChecklistResult,
  snapshot: ChecklistSnapshot,
  signer: Signer,
  now: string,
  validDays = DEFAULT_SIGNOFF_DAYS,
): EvidenceSnapshot {
  const { release } = snapshot;
  const h = latestHistory(release);
  const history0 = h
    ? Object.fromEntries(HISTORY_KEYS.filter((k) => h[k] !== undefined).map((k) => [k, h[k]]))
    : undefined;
  const body: Omit<EvidenceSnapshot, "hash"> = {
    schema: "fluxtower.checklist.evidence/v1",
    subject: { ...result.subject },
    evaluatedAt: result.evaluatedAt,
    gate: result.gate,
    score: result.score,
    items: result.items.map((i) => ({
      id: i.id,
      version: i.version,
      status: i.status,
      autoStatus: i.autoStatus,
      blocking: i.blocking,
      message: i.message,
    })),
    facts: snapshotFacts(snapshot),
    flux: {
      helmRelease: {
        lastAttemptedRevision: str(release.status?.lastAttemptedRevision),
        lastAttemptedConfigDigest: str(release.status?.lastAttemptedConfigDigest),
        history0,
      },
      sources: snapshot.fluxObjects.map((f) => ({
        kind: f.kind,
        namespace: f.namespace,
        name: f.name,
        revision: f.revision,
        verdictStatus: f.verdictStatus,
      })),
    },
    eso: snapshot.externalSecrets.map((es) => {
      const ready = condition(es, "Ready");
      return {
        name: es.metadata.name,
        ready: ready?.status,
        reason: ready?.reason,
        refreshTime: str(es.status?.refreshTime),
      };
    }),
    objects: [
      objectOf(release),
      ...snapshot.workloads.map(objectOf),
      ...snapshot.secrets.map((s) => ({
        resource: "secrets",
        kind: "Secret",
        namespace: s.namespace,
        name: s.name,
        resourceVersion: s.resourceVersion,
      })),
      ...snapshot.externalSecrets.map(objectOf),
    ],
    signer: { name: signer.name, groups: [...signer.groups].sort() },
    signedAt: now,
    expiresAt: new Date(Date.parse(now) + validDays * 86_400_000).toISOString(),
  };
  return deepFreeze({ ...body, hash: sha256OfJson(body) });
}

/** True when the stored hash matches the evidence (detects tampering). */
export function verifyEvidenceHash(evidence: EvidenceSnapshot): boolean {
  const { hash, ...body } = evidence;
  return sha256OfJson(body) === hash;
}

/** State plus the reasons behind it (for the overview and the Kubernetes Event message). */
export function signoffStateDetail(
  signoff: EvidenceSnapshot,
  current: ChecklistResult,
  facts: SnapshotFacts,
  now: string,
): { state: SignoffState; reasons: string[] } {
  if (Date.parse(signoff.expiresAt) <= Date.parse(now))
    return { state: "expired", reasons: [`expired on ${signoff.expiresAt}`] };
  const reasons: string[] = [];
  if (facts.helmRevision !== signoff.facts.helmRevision)
    reasons.push(`Helm revision ${signoff.facts.helmRevision ?? "none"} → ${facts.helmRevision ?? "none"}`);
  if (facts.chartVersion !== signoff.facts.chartVersion)
    reasons.push(`chart version ${signoff.facts.chartVersion ?? "unknown"} → ${facts.chartVersion ?? "unknown"}`);
  if (facts.valuesDigest !== signoff.facts.valuesDigest) reasons.push("values changed");
  const now_ = new Map(current.items.map((i) => [i.id, i]));
  for (const item of signoff.items) {
    if (!item.blocking || !GATE_OK.has(item.status)) continue;
    const cur = now_.get(item.id);
    if (cur && !GATE_OK.has(cur.status)) reasons.push(`${item.id} regressed: ${item.status} → ${cur.status}`);
  }
  return { state: reasons.length ? "stale" : "approved", reasons };
}

/** "approved" | "stale" (a signed blocking item regressed, or revision/values changed) | "expired". */
export function signoffState(
  signoff: EvidenceSnapshot,
  current: ChecklistResult,
  facts: SnapshotFacts,
  now: string,
): SignoffState {
  return signoffStateDetail(signoff, current, facts, now).state;
}

/** A status change between two runs (`from` undefined = new item, `to` undefined = removed item). */
export interface ItemChange {
  id: string;
  title?: string;
  from?: ItemStatus;
  to?: ItemStatus;
}

/** Minimal shape of a stored run. */
export interface RunLike {
  items: { id: string; title?: string; status: ItemStatus }[];
}

/** Items whose status changed between two runs, in the next run's order (removed items last). */
export function diffRuns(prev: RunLike | undefined, next: RunLike): ItemChange[] {
  const before = new Map((prev?.items ?? []).map((i) => [i.id, i]));
  const changes: ItemChange[] = [];
  for (const i of next.items) {
    const p = before.get(i.id);
    if (!p || p.status !== i.status) changes.push({ id: i.id, title: i.title, from: p?.status, to: i.status });
    before.delete(i.id);
  }
  for (const p of before.values()) changes.push({ id: p.id, title: p.title, from: p.status });
  return changes;
}
