// Replace known secret strings in text (pure), in every form a value takes on its way into evidence: as is,
// JSON-escaped, URL-encoded, base64, HTML/Markdown-escaped, with its URL userinfo stripped, and cut short by a
// display that truncates long values ("abc..." / "abc…").

import { stripUrlUserinfo } from "./redact-text";

/** A secret string and the phrase that replaces it (e.g. "(from Secret airflow-values, not shown)"). */
export interface SecretString {
  value: string;
  label: string;
}

/** Forms shorter than this are never searched for (too likely to hit ordinary words). */
export const MIN_FORM_LENGTH = 4;
/** Forms shorter than this only match as a whole token (not inside a longer word, path or name). */
const WHOLE_TOKEN_BELOW = 12;
/** A truncated display must keep at least this many characters of a form to be recognised. */
const MIN_PREFIX = 8;
/** Characters that continue a token: a short form next to one of them is part of something else. */
const TOKEN_CHAR = /[A-Za-z0-9._\-/`]/;
const TRUNCATION = /\.\.\.|…/g;
const HAS_TRUNCATION = /\.\.\.|…/;

interface Form {
  text: string;
  label: string;
}

function htmlEscaped(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The encodings of one value that evidence, exports and API responses may carry. */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const json = JSON.stringify(value).slice(1, -1);
  const uri = encodeURIComponent(value);
  const forms = [
    value,
    json,
    uri,
    uri.replace(/%20/g, "+"),
    bytes.toString("base64"),
    bytes.toString("base64").replace(/=+$/, ""),
    bytes.toString("base64url"),
    htmlEscaped(value),
    htmlEscaped(value).replace(/\|/g, "\\|"),
    value.replace(/\r?\n/g, " ").trim(),
    stripUrlUserinfo(value),
  ];
  return [...new Set(forms)].filter((f) => f.length >= MIN_FORM_LENGTH);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function formsOf(secrets: readonly SecretString[]): Form[] {
  const byText = new Map<string, Form>();
  for (const s of secrets)
    for (const text of encodedForms(s.value)) if (!byText.has(text)) byText.set(text, { text, label: s.label });
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

function isolated(text: string, start: number, end: number): boolean {
  return !TOKEN_CHAR.test(text[start - 1] ?? " ") && !TOKEN_CHAR.test(text[end] ?? " ");
}

/** Replace forms cut short by a truncating display: the longest prefix (≥ MIN_PREFIX) right before "..." / "…". */
function replaceTruncated(text: string, forms: readonly Form[]): string {
  const cuts: { start: number; end: number; label: string }[] = [];
  for (const m of text.matchAll(TRUNCATION)) {
    const at = m.index;
    let best: { start: number; label: string } | undefined;
    for (const f of forms) {
      for (let k = Math.min(f.text.length - 1, at); k >= MIN_PREFIX; k--) {
        if (text.startsWith(f.text.slice(0, k), at - k)) {
          if (!best || at - k < best.start) best = { start: at - k, label: f.label };
          break;
        }
      }
    }
    if (best) cuts.push({ start: best.start, end: at + m[0].length, label: best.label });
  }
  let out = text;
  for (const c of cuts.reverse()) out = `${out.slice(0, c.start)}${c.label}${out.slice(c.end)}`;
  return out;
}

/** A function that replaces every form of every secret in a text by its label. */
export function secretReplacer(secrets: readonly SecretString[]): (text: string) => string {
  const forms = formsOf(secrets);
  if (forms.length === 0) return (text) => text;
  const label = new Map(forms.map((f) => [f.text, f.label]));
  const pattern = new RegExp(forms.map((f) => escapeRegExp(f.text)).join("|"), "g");
  const long = forms.filter((f) => f.text.length > MIN_PREFIX);
  return (text) => {
    // Truncated displays first: a credential inside a cut-short value would otherwise break its prefix.
    const cut = long.length && HAS_TRUNCATION.test(text) ? replaceTruncated(text, long) : text;
    return cut.replace(pattern, (match: string, offset: number, whole: string) =>
      match.length < WHOLE_TOKEN_BELOW && !isolated(whole, offset, offset + match.length)
        ? match
        : (label.get(match) ?? match),
    );
  };
}
