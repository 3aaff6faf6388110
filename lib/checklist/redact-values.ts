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

function formsOf(secrets: readonly SecretString[]): Form[] {
  const byText = new Map<string, Form>();
  for (const s of secrets)
    for (const text of encodedForms(s.value)) if (!byText.has(text)) byText.set(text, { text, label: s.label });
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

function isolated(text: string, start: number, end: number): boolean {
  return !TOKEN_CHAR.test(text[start - 1] ?? " ") && !TOKEN_CHAR.test(text[end] ?? " ");
}

/**
 * Replace forms cut short by a truncating display: the longest run (≥ MIN_PREFIX) right before "..." / "…" that
 * starts one of the forms.
 */
function replaceTruncated(text: string, index: Map<string, Form[]>, longest: number): string {
  const cuts: { start: number; end: number; label: string }[] = [];
  for (const m of text.matchAll(TRUNCATION)) {
    const at = m.index;
    for (let start = Math.max(0, at - longest); start <= at - MIN_PREFIX; start++) {
      const run = text.slice(start, at);
      const form = index
        .get(run.slice(0, MIN_FORM_LENGTH))
        ?.find((f) => f.text.length > run.length && f.text.startsWith(run));
      if (form) {
        cuts.push({ start, end: at + m[0].length, label: form.label });
        break;
      }
    }
  }
  let out = text;
  for (const c of cuts.reverse()) out = `${out.slice(0, c.start)}${c.label}${out.slice(c.end)}`;
  return out;
}

/** Forms by their first MIN_FORM_LENGTH characters, longest first: one map lookup per text position. */
function indexOf(forms: readonly Form[]): Map<string, Form[]> {
  const index = new Map<string, Form[]>();
  for (const f of forms) {
    const key = f.text.slice(0, MIN_FORM_LENGTH);
    const list = index.get(key);
    if (list) list.push(f);
    else index.set(key, [f]);
  }
  return index;
}

function replaceWhole(text: string, index: Map<string, Form[]>): string {
  let out = "";
  let last = 0;
  let i = 0;
  while (i <= text.length - MIN_FORM_LENGTH) {
    const hit = index
      .get(text.slice(i, i + MIN_FORM_LENGTH))
      ?.find(
        (f) =>
          text.startsWith(f.text, i) && (f.text.length >= WHOLE_TOKEN_BELOW || isolated(text, i, i + f.text.length)),
      );
    if (hit) {
      out += `${text.slice(last, i)}${hit.label}`;
      i += hit.text.length;
      last = i;
    } else i++;
  }
  return last === 0 ? text : `${out}${text.slice(last)}`;
}

/** A function that replaces every form of every secret in a text by its label (leftmost, longest first). */
export function secretReplacer(secrets: readonly SecretString[]): (text: string) => string {
  const forms = formsOf(secrets);
  if (forms.length === 0) return (text) => text;
  const index = indexOf(forms);
  const longest = forms[0].text.length;
  return (text) => {
    // Truncated displays first: a credential inside a cut-short value would otherwise break its prefix.
    const cut = longest > MIN_PREFIX && HAS_TRUNCATION.test(text) ? replaceTruncated(text, index, longest) : text;
    return replaceWhole(cut, index);
  };
}
