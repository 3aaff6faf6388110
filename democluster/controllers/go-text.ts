// Go/sprig text functions the Airflow chart's templates use, with Go's escaping rules: `quote` (%q), `urlquery`
// (url.QueryEscape) and sprig's `urlJoin` (url.URL.String(), whose userinfo is re-escaped by url.Userinfo). Pure.

/** sprig `quote`: fmt.Sprintf("%q") — a Go double-quoted string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

const isUnreserved = (c: string) => /[A-Za-z0-9\-_.~]/.test(c);

function percent(ch: string): string {
  return [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** Go url.QueryEscape (spaces become "+"). */
export function urlquery(s: string): string {
  let out = "";
  for (const ch of s) out += ch === " " ? "+" : isUnreserved(ch) ? ch : percent(ch);
  return out;
}

/** url.PathUnescape-like decoding of a userinfo part ("+" stays "+"). */
function unescape(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Go's escape(s, encodeUserPassword): unreserved and `$&+,;=` stay, everything else is percent-encoded. */
function escapeUserPassword(s: string): string {
  let out = "";
  for (const ch of s) out += isUnreserved(ch) || "$&+,;=".includes(ch) ? ch : percent(ch);
  return out;
}

/** Go's escape(path, encodePath) for the characters a database name can hold. */
function escapePath(s: string): string {
  let out = "";
  for (const ch of s) out += isUnreserved(ch) || "/$&+,;=:@".includes(ch) ? ch : percent(ch);
  return out;
}

/** sprig `urlJoin` of scheme, userinfo ("user:pass", parsed then re-escaped), host, path and raw query. */
export function sprigUrlJoin(p: {
  scheme: string;
  userinfo?: string;
  host: string;
  path?: string;
  query?: string;
}): string {
  let out = p.scheme ? `${p.scheme}:` : "";
  out += "//";
  if (p.userinfo) {
    const colon = p.userinfo.indexOf(":");
    const user = colon < 0 ? p.userinfo : p.userinfo.slice(0, colon);
    out += escapeUserPassword(unescape(user));
    if (colon >= 0) out += `:${escapeUserPassword(unescape(p.userinfo.slice(colon + 1)))}`;
    out += "@";
  }
  out += p.host;
  if (p.path) out += escapePath(p.path);
  if (p.query) out += `?${p.query}`;
  return out;
}
