// Evaluate the checklist for one snapshot, applying attestations and waivers; compute the gate and the score.

import { CHECKS } from "./checks";
import { buildContext, type EvalContext, type EvalOptions } from "./context";
import { DEFAULT_MAX_WAIVER_DAYS, pickAttestation, pickWaiver } from "./human-input";
import { redactItem, redactorFor } from "./redact";
import type { ChecklistSnapshot } from "./snapshot";
import {
  PART_ORDER,
  SEVERITY_WEIGHT,
  type Attestation,
  type Check,
  type CheckOutcome,
  type ChecklistResult,
  type ItemResult,
  type ItemStatus,
  type Waiver,
} from "./types";

/** Human input for one release. */
export interface ChecklistInput {
  attestations: Attestation[];
  waivers: Waiver[];
}

/** Options for `evaluateChecklist`. */
export interface EvaluateOptions extends EvalOptions {
  maxWaiverDays?: number;
  /** Defaults to the full checklist; tests may pass a subset. */
  checks?: readonly Check[];
}

/** Statuses that satisfy a blocking item. */
export const GATE_OK: ReadonlySet<ItemStatus> = new Set<ItemStatus>(["pass", "attested", "waived", "not-applicable"]);

/** Statuses a valid waiver can cover. */
const WAIVABLE: ReadonlySet<ItemStatus> = new Set<ItemStatus>(["fail", "warn", "needs-attestation", "expired"]);

/** Score credit per status (not-applicable items are left out of the score). */
const CREDIT: Partial<Record<ItemStatus, number>> = { pass: 1, attested: 1, warn: 0.5, waived: 0.5 };

function runEvaluator(check: Check, snapshot: ChecklistSnapshot, ctx: EvalContext): CheckOutcome {
  try {
    return check.evaluate(snapshot, ctx);
  } catch (e) {
    return { status: "fail", message: `Evaluator error: ${(e as Error).message}`, evidence: [] };
  }
}

function day(t: string): string {
  return t.slice(0, 10);
}

/** Evaluate one check against the snapshot and the human input; the item's texts come back redacted. */
export function evaluateItem(
  check: Check,
  snapshot: ChecklistSnapshot,
  ctx: EvalContext,
  input: ChecklistInput,
  now: string,
  maxWaiverDays = DEFAULT_MAX_WAIVER_DAYS,
): ItemResult {
  const auto = runEvaluator(check, snapshot, ctx);
  let status: ItemStatus = auto.status;
  let message = auto.message;
  const attestation = check.mode === "auto" ? undefined : pickAttestation(check, input.attestations, now);
  const humanTurn =
    (check.mode === "attested" && auto.status !== "not-applicable") ||
    (check.mode === "hybrid" && auto.status === "pass");
  if (humanTurn) {
    if (attestation?.state === "valid") {
      status = "attested";
      message = `Attested by ${attestation.attestedBy} on ${day(attestation.attestedAt)}, valid until ${day(attestation.expiresAt)}`;
    } else if (attestation?.state === "expired") {
      status = "expired";
      message = `Attestation by ${attestation.attestedBy} expired on ${day(attestation.expiresAt)}; re-attest`;
    } else {
      status = "needs-attestation";
      if (attestation)
        message = `${auto.message} (latest attestation ${attestation.state}: ${attestation.problems.join("; ")})`;
    }
  } else if (attestation?.state === "valid" && check.mode === "hybrid") {
    attestation.state = "precheck-failed";
    attestation.problems.push("the automatic pre-check does not pass, so the attestation does not count");
  }
  const waiver = pickWaiver(check.id, input.waivers, now, maxWaiverDays);
  if (waiver && WAIVABLE.has(status)) {
    if (waiver.state === "valid") {
      message = `Waived by ${waiver.approvedBy ?? ""} until ${day(waiver.expiresAt)}: ${waiver.reason} (was: ${message})`;
      status = "waived";
    } else if (waiver.state === "expired") {
      message = `Waiver expired on ${day(waiver.expiresAt)} (${waiver.reason}); ${message}`;
      status = "expired";
    }
  }
  const result: ItemResult = {
    id: check.id,
    version: check.version,
    part: check.part,
    partTitle: check.partTitle,
    title: check.title,
    why: check.why,
    mode: check.mode,
    severity: check.severity,
    blocking: check.blocking,
    status,
    autoStatus: auto.status,
    evidence: auto.evidence,
    message,
  };
  const fix = auto.fix ?? check.fix;
  if (fix && (auto.status === "fail" || auto.status === "warn")) result.fix = fix;
  if (check.attestationFields) result.attestationFields = check.attestationFields;
  if (attestation) result.attestation = attestation;
  if (waiver) result.waiver = waiver;
  // Nothing leaves the evaluator unredacted: values from Secrets, secret values paths, URL userinfo (redact.ts).
  return redactItem(result, redactorFor(ctx, snapshot), check.fix);
}

/** Gate: every blocking item is pass / attested / waived / not-applicable. */
export function gateOf(items: ItemResult[]): "pass" | "fail" {
  return items.every((i) => !i.blocking || GATE_OK.has(i.status)) ? "pass" : "fail";
}

/** Score 0–100 weighted by severity; shown, never gating. 100 when nothing applies. */
export function scoreOf(items: ItemResult[]): number {
  let total = 0;
  let earned = 0;
  for (const i of items) {
    if (i.status === "not-applicable") continue;
    const w = SEVERITY_WEIGHT[i.severity];
    total += w;
    earned += w * (CREDIT[i.status] ?? 0);
  }
  return total === 0 ? 100 : Math.round((earned / total) * 100);
}

function countsOf(items: ItemResult[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = {
    pass: 0,
    fail: 0,
    warn: 0,
    "needs-attestation": 0,
    "not-applicable": 0,
    attested: 0,
    waived: 0,
    expired: 0,
  };
  for (const i of items) counts[i.status] += 1;
  return counts;
}

/** Evaluate the whole checklist for one Airflow HelmRelease. `now` decides attestation/waiver expiry. */
export function evaluateChecklist(
  snapshot: ChecklistSnapshot,
  input: ChecklistInput,
  now: string,
  options: EvaluateOptions = {},
): ChecklistResult {
  const ctx = buildContext(snapshot, options);
  const checks = [...(options.checks ?? CHECKS)].sort(
    (a, b) => PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part),
  );
  const items = checks.map((c) => evaluateItem(c, snapshot, ctx, input, now, options.maxWaiverDays));
  return {
    subject: {
      namespace: snapshot.release.metadata.namespace ?? ctx.namespace,
      name: snapshot.release.metadata.name,
      releaseName: ctx.releaseName,
      chartVersion: ctx.chartVersion,
      airflowMajor: ctx.major,
    },
    evaluatedAt: now,
    gate: gateOf(items),
    score: scoreOf(items),
    counts: countsOf(items),
    items,
  };
}
