// The redaction pass of an evaluation (pure): one redactor per evaluation context, applied to every item before
// the result leaves the evaluator, so the page, the API, exports, run history and sign-off evidence inherit it.

import type { EvalContext } from "./context";
import { collectSecrets } from "./redact-collect";
import { redactPatterns } from "./redact-text";
import { secretReplacer } from "./redact-values";
import type { ChecklistSnapshot } from "./snapshot";
import type { ChecklistResult, Fix, ItemResult } from "./types";

/** Text in, text without secrets out. */
export type Redact = (text: string) => string;

/**
 * A redactor for one evaluation: every form of this evaluation's secret strings first (while the text still
 * holds them whole), then the pattern rules (URL userinfo, credential parameters, YAML excerpts, origins).
 */
export function buildRedactor(ctx: EvalContext, snapshot: ChecklistSnapshot): Redact {
  const replace = secretReplacer(collectSecrets(ctx, snapshot));
  return (text) => redactPatterns(replace(text));
}

const redactors = new WeakMap<EvalContext, Redact>();

/** The redactor of a context, built once (an evaluation redacts every item with the same one). */
export function redactorFor(ctx: EvalContext, snapshot: ChecklistSnapshot): Redact {
  let r = redactors.get(ctx);
  if (!r) {
    r = buildRedactor(ctx, snapshot);
    redactors.set(ctx, r);
  }
  return r;
}

function redactFix(fix: Fix, redact: Redact): Fix {
  const out: Fix = { text: redact(fix.text) };
  if (fix.valuesSnippet !== undefined) out.valuesSnippet = redact(fix.valuesSnippet);
  return out;
}

/**
 * Every free text of an item: message, evidence, a fix the evaluator computed (a check's own static fix is
 * public text and stays as written), attestation fields, links and problems, the waiver's reason and ticket.
 */
export function redactItem(item: ItemResult, redact: Redact, staticFix?: Fix): ItemResult {
  const out: ItemResult = {
    ...item,
    message: redact(item.message),
    evidence: item.evidence.map((e) => ({ ...e, text: redact(e.text) })),
  };
  if (item.fix && item.fix !== staticFix) out.fix = redactFix(item.fix, redact);
  if (item.attestation) {
    const a = item.attestation;
    out.attestation = {
      ...a,
      fields: Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, redact(v)])),
      problems: a.problems.map(redact),
    };
    if (a.links) out.attestation.links = a.links.map(redact);
  }
  if (item.waiver) {
    const w = item.waiver;
    out.waiver = { ...w, reason: redact(w.reason) };
    if (w.ticketUrl !== undefined) out.waiver.ticketUrl = redact(w.ticketUrl);
  }
  return out;
}

/** A whole result (every item, fixes included) through one redactor. */
export function redactResult(result: ChecklistResult, redact: Redact): ChecklistResult {
  return { ...result, items: result.items.map((i) => redactItem(i, redact)) };
}
