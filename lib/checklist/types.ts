// Types of the production-readiness checklist: checks as data, their outcomes, human input and results.
// Pure type module (plus two constant tables); shared by the evaluator, sign-off, export and (later) the API.

import type { ObjectRef } from "../kinds/object";
import type { ChecklistSnapshot } from "./snapshot";
import type { EvalContext } from "./context";

/** Checklist part: seed 002's parts 1–7 plus pre- and post-deployment. */
export type Part = "pre" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "post";

/** Display order of the parts (pre-deployment first, post-deployment last). */
export const PART_ORDER: readonly Part[] = ["pre", "1", "2", "3", "4", "5", "6", "7", "post"];

/** How an item is decided: by the evaluator, by a person, or by a person after an automatic pre-check. */
export type CheckMode = "auto" | "attested" | "hybrid";

/** Item severity; drives the score weight only. */
export type Severity = "critical" | "high" | "medium" | "low";

/** Score weight per severity (the score is shown, never gating). */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 5, medium: 3, low: 1 };

/** What an evaluator can return. */
export type AutoStatus = "pass" | "fail" | "warn" | "needs-attestation" | "not-applicable";

/** Final item status after attestations and waivers are applied. */
export type ItemStatus = AutoStatus | "attested" | "waived" | "expired";

/** One piece of evidence, in words, optionally linking to the object it is about. */
export interface Evidence {
  text: string;
  ref?: ObjectRef;
}

/** A fix hint; `valuesSnippet` is exact Helm values YAML to merge into the HelmRelease's `spec.values`. */
export interface Fix {
  text: string;
  valuesSnippet?: string;
}

/** A field a person fills in when attesting an item (mirrors the blanks of seed 002's CHECKLIST.md). */
export interface AttestationField {
  id: string;
  label: string;
  type: "text" | "select" | "number" | "url" | "boolean";
  options?: string[];
  required: boolean;
  /** When set, the attestation only counts if this field has exactly this value (e.g. "true"). */
  expect?: string;
}

/** What an evaluator returns. `fix` overrides the check's static fix (e.g. Airflow 2 vs 3 naming). */
export interface CheckOutcome {
  status: AutoStatus;
  evidence: Evidence[];
  message: string;
  fix?: Fix;
}

/** A checklist item defined as data plus a pure evaluator. */
export interface Check {
  id: string;
  /** Bump when the meaning of the check changes; recorded in sign-offs. */
  version: number;
  part: Part;
  partTitle: string;
  title: string;
  why: string;
  mode: CheckMode;
  severity: Severity;
  blocking: boolean;
  /**
   * Pure evaluator. For `attested` checks it returns `needs-attestation` (or `not-applicable`);
   * for `hybrid` checks it returns the automatic pre-check (`pass` means a person may attest).
   */
  evaluate(snapshot: ChecklistSnapshot, ctx: EvalContext): CheckOutcome;
  fix?: Fix;
  attestationFields?: AttestationField[];
}

/** A person's statement about an item, with an expiry. */
export interface Attestation {
  checkId: string;
  /** Check version attested against; when present and different from the current version it no longer counts. */
  checkVersion?: number;
  fields: Record<string, string>;
  links?: string[];
  attestedBy: string;
  attestedAt: string;
  expiresAt: string;
}

/** An accepted exception for one item of one release; needs an approver other than the requester. */
export interface Waiver {
  id?: string;
  checkId: string;
  reason: string;
  ticketUrl?: string;
  requestedBy: string;
  approvedBy?: string;
  createdAt: string;
  expiresAt: string;
}

/** Why an attestation does or does not count (`outdated`: attested against another check version). */
export type AttestationState = "valid" | "expired" | "invalid" | "outdated" | "precheck-failed";
/** Why a waiver does or does not count; only `valid` waives, `expired` counts as a failure. */
export type WaiverState = "valid" | "expired" | "unapproved" | "self-approved" | "too-long" | "not-yet-valid";

/** An attestation as applied to an item, with why it did or did not count. */
export interface AppliedAttestation extends Attestation {
  state: AttestationState;
  problems: string[];
}

/** A waiver as applied to an item, with why it did or did not count. */
export interface AppliedWaiver extends Waiver {
  state: WaiverState;
}

/** The result of one item in one evaluation run. */
export interface ItemResult {
  id: string;
  version: number;
  part: Part;
  partTitle: string;
  title: string;
  why: string;
  mode: CheckMode;
  severity: Severity;
  blocking: boolean;
  status: ItemStatus;
  /** What the evaluator itself said, before attestations and waivers. */
  autoStatus: AutoStatus;
  evidence: Evidence[];
  message: string;
  fix?: Fix;
  attestationFields?: AttestationField[];
  attestation?: AppliedAttestation;
  waiver?: AppliedWaiver;
}

/** Identity of the evaluated release. */
export interface ChecklistSubject {
  namespace: string;
  name: string;
  releaseName: string;
  chartVersion?: string;
  airflowMajor: 2 | 3;
}

/** One evaluation run. `gate` decides; `score` is shown only. */
export interface ChecklistResult {
  subject: ChecklistSubject;
  evaluatedAt: string;
  gate: "pass" | "fail";
  score: number;
  counts: Record<ItemStatus, number>;
  items: ItemResult[];
}
