// Validity rules for attestations and waivers, shared by the evaluator and (later) the API handlers,
// so the same rules apply on every path (SECURITY.md A.4, S21).

import { timeMs } from "./kube-readers";
import type {
  AppliedAttestation,
  AppliedWaiver,
  Attestation,
  AttestationState,
  Check,
  Waiver,
  WaiverState,
} from "./types";

/** Default and maximum waiver lifetime in days (the issue: "max configurable, default 90 days"). */
export const DEFAULT_MAX_WAIVER_DAYS = 90;

const DAY_MS = 86_400_000;
const BOOLEAN_WORDS = new Set(["true", "false"]);

/** Problems with an attestation's fields against the check's field definitions (empty = valid). */
export function attestationFieldProblems(check: Check, fields: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const f of check.attestationFields ?? []) {
    const raw = fields[f.id];
    const v = typeof raw === "string" ? raw.trim() : "";
    if (!v) {
      if (f.required) problems.push(`${f.label} is required`);
      continue;
    }
    if (f.type === "number" && !/^\d+(\.\d+)?$/.test(v)) problems.push(`${f.label} must be a number`);
    if (f.type === "boolean" && !BOOLEAN_WORDS.has(v)) problems.push(`${f.label} must be true or false`);
    if (f.type === "select" && f.options && !f.options.includes(v))
      problems.push(`${f.label} must be one of: ${f.options.join(", ")}`);
    if (f.type === "url" && !/^https?:\/\/\S+$/i.test(v)) problems.push(`${f.label} must be an http(s) URL`);
    if (f.expect !== undefined && v !== f.expect) problems.push(`${f.label} must be ${f.expect}`);
  }
  const known = new Set((check.attestationFields ?? []).map((f) => f.id));
  for (const k of Object.keys(fields)) if (!known.has(k)) problems.push(`unknown field ${k}`);
  return problems;
}

/** Problems with an attestation as a whole (fields, links, dates); empty = acceptable to store. */
export function validateAttestation(check: Check, a: Attestation): string[] {
  const problems =
    check.mode === "auto" ? [`${check.id} is not attestable`] : attestationFieldProblems(check, a.fields);
  for (const link of a.links ?? [])
    if (!/^https?:\/\/\S+$/i.test(link)) problems.push(`link ${link} must be an http(s) URL`);
  if (Number.isNaN(timeMs(a.attestedAt))) problems.push("attestedAt is not a time");
  if (Number.isNaN(timeMs(a.expiresAt)) || timeMs(a.expiresAt) <= timeMs(a.attestedAt))
    problems.push("expiresAt must be after attestedAt");
  return problems;
}

/** How an attestation applies now. */
export function attestationState(check: Check, a: Attestation, now: string): AppliedAttestation {
  const problems = validateAttestation(check, a);
  let state: AttestationState = "valid";
  if (problems.length) state = "invalid";
  else if (a.checkVersion !== undefined && a.checkVersion !== check.version) {
    state = "outdated";
    problems.push(`attested against version ${a.checkVersion}; the check is now version ${check.version}`);
  } else if (timeMs(a.expiresAt) <= timeMs(now)) state = "expired";
  return { ...a, state, problems };
}

/** How a waiver applies now (approver ≠ requester, approved, within its window, not longer than the max). */
export function waiverState(w: Waiver, now: string, maxDays = DEFAULT_MAX_WAIVER_DAYS): WaiverState {
  const created = timeMs(w.createdAt);
  const expires = timeMs(w.expiresAt);
  if (!w.approvedBy) return "unapproved";
  if (w.approvedBy.trim().toLowerCase() === w.requestedBy.trim().toLowerCase()) return "self-approved";
  if (Number.isNaN(created) || Number.isNaN(expires) || expires - created > maxDays * DAY_MS) return "too-long";
  if (created > timeMs(now)) return "not-yet-valid";
  if (expires <= timeMs(now)) return "expired";
  return "valid";
}

/** Problems with a waiver request before it is stored (reason, expiry window). */
export function validateWaiverRequest(w: Waiver, maxDays = DEFAULT_MAX_WAIVER_DAYS): string[] {
  const problems: string[] = [];
  if (!w.reason.trim()) problems.push("reason is required");
  if (w.ticketUrl && !/^https?:\/\/\S+$/i.test(w.ticketUrl)) problems.push("ticketUrl must be an http(s) URL");
  const created = timeMs(w.createdAt);
  const expires = timeMs(w.expiresAt);
  if (Number.isNaN(expires) || expires <= created) problems.push("expiresAt must be after createdAt");
  else if (expires - created > maxDays * DAY_MS) problems.push(`a waiver may last at most ${maxDays} days`);
  return problems;
}

/** Pick the attestation that matters for an item: the newest valid one, else the newest. */
export function pickAttestation(check: Check, list: Attestation[], now: string): AppliedAttestation | undefined {
  const applied = list
    .filter((a) => a.checkId === check.id)
    .map((a) => attestationState(check, a, now))
    .sort((x, y) => timeMs(y.attestedAt) - timeMs(x.attestedAt));
  return applied.find((a) => a.state === "valid") ?? applied[0];
}

/** Pick the waiver that matters for an item: a valid one, else the newest. */
export function pickWaiver(
  checkId: string,
  list: Waiver[],
  now: string,
  maxDays = DEFAULT_MAX_WAIVER_DAYS,
): AppliedWaiver | undefined {
  const applied = list
    .filter((w) => w.checkId === checkId)
    .map((w) => ({ ...w, state: waiverState(w, now, maxDays) }))
    .sort((x, y) => timeMs(y.createdAt) - timeMs(x.createdAt));
  return applied.find((w) => w.state === "valid") ?? applied[0];
}
