// String-level masking: URL userinfo and known secret values, wherever they occur in a string. Pure.

/** What a hidden value is replaced with. The value was set; it is not shown. */
export const MASK_MARKER = "<set, hidden>";

/** Shortest secret value we replace inside other strings (shorter ones would mangle ordinary words). */
export const MIN_SECRET_LENGTH = 4;

// scheme://userinfo@ — userinfo runs to the last "@" before the first "/", "?", "#", whitespace or quote, so an
// unencoded "@" inside a password is still covered.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@/gi;

/** Every URL's userinfo (user and password) replaced by the marker: `postgresql://<set, hidden>@host/db`. */
export function stripUrlUserinfo(s: string): string {
  if (!s.includes("://")) return s;
  return s.replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${MASK_MARKER}@`);
}

/** Passwords (and bare userinfo tokens) in the URLs of a string, decoded, for the global replacement list. */
export function urlSecrets(s: string): string[] {
  if (!s.includes("://")) return [];
  const out: string[] = [];
  for (const m of s.matchAll(URL_USERINFO)) {
    const info = m[2];
    const colon = info.indexOf(":");
    const secret = colon >= 0 ? info.slice(colon + 1) : info;
    if (!secret) continue;
    out.push(secret);
    try {
      const decoded = decodeURIComponent(secret);
      if (decoded !== secret) out.push(decoded);
    } catch {
      // not percent-encoded
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A function that replaces every occurrence of any of `secrets` (≥ MIN_SECRET_LENGTH) with the marker. */
export function secretReplacer(secrets: Iterable<string>): (s: string) => string {
  const usable = new Set<string>();
  for (const v of secrets) {
    if (typeof v !== "string" || v.length < MIN_SECRET_LENGTH || v === MASK_MARKER) continue;
    usable.add(v);
    // Connection URLs carry passwords urlquery-encoded (charts/airflow/*/templates/secrets/*-connection-secret.yaml).
    const encoded = encodeURIComponent(v);
    if (encoded !== v) usable.add(encoded);
  }
  if (!usable.size) return (s) => s;
  // Longest first, so a secret that contains another is replaced whole.
  const pattern = new RegExp([...usable].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
  return (s) => s.replace(pattern, MASK_MARKER);
}

/** Apply `fn` to every string in a JSON-like value (returns a new value; keys are kept as they are). */
export function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}
