// Text-level redaction for checklist evidence (pure): URL userinfo, credential parameters of connection strings,
// the source excerpt of YAML parse errors, and values the evidence says came from a Secret. These rules need no
// knowledge of the values, so they also serve the data migration of rows stored before redaction existed.

/** What replaces a credential whose owner is unknown (a password in a URL or a `password=` parameter). */
export const HIDDEN = "***";

/** SSH-style schemes: a user without a password (`ssh://git@host`) is an account name, not a credential. */
const SSH_SCHEMES = new Set(["ssh", "git+ssh", "ssh+git", "sftp"]);

/** `scheme://userinfo@` with userinfo as RFC 3986 delimits it (no `/`, `?`, `#`; `@` inside is handled by repeating). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^\s/?#@"'<>`\\]+)@/gi;
/** The same, URL-encoded (`https%3A%2F%2Fuser%3Apass%40host`). */
const ENCODED_USERINFO = /\b([a-z][a-z0-9+.-]*)%3A%2F%2F((?:(?!%2F|%3F|%23|%40)[^\s&"'<>])+)%40/gi;

/**
 * Strip the userinfo of every URL: `scheme://user:pass@host` → `scheme://host`. The user is kept only for SSH
 * URLs without a password (`ssh://git@github.com/…`): elsewhere a lone user is often the token itself
 * (`https://<token>@github.com`). Repeated so a raw `@` inside a password cannot leave its tail behind.
 */
export function stripUrlUserinfo(text: string): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const next = out
      .replace(URL_USERINFO, (all, scheme: string, info: string) =>
        SSH_SCHEMES.has(scheme.toLowerCase()) && !info.includes(":") ? all : `${scheme}://`,
      )
      .replace(ENCODED_USERINFO, (_all, scheme: string) => `${scheme}%3A%2F%2F`);
    if (next === out) return out;
    out = next;
  }
  return out;
}

/** Keys whose value is a credential in libpq/ODBC/ADO connection strings, query strings and Azure connection strings. */
const CREDENTIAL_KEYS =
  "password|passwd|pwd|secret|client_secret|token|access_token|api_key|apikey|accountkey|sharedaccesskey|sig|aws_secret_access_key";
const CREDENTIAL_PARAM = new RegExp(
  // A value ends at whitespace, `;` or `,`, or at `&` that starts the next query parameter (libpq allows `&` inside).
  `(^|[\\s?&;,(])(${CREDENTIAL_KEYS})(\\s*=\\s*)('[^']*'|"[^"]*"|(?:[^\\s&;,'")]|&(?![\\w.-]+=))+)`,
  "gi",
);

/** `password=s3cret` → `password=***` (also `pwd=`, `AccountKey=`, `sig=` …; quoted values included). */
export function stripCredentialParams(text: string): string {
  return text.replace(CREDENTIAL_PARAM, (_all, lead: string, key: string, eq: string) => `${lead}${key}${eq}${HIDDEN}`);
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The credentials inside a text, for redacting them wherever else they show up: URL passwords (raw and
 * decoded), a lone URL user outside SSH (a token), and the values of credential parameters.
 */
export function credentialsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_USERINFO)) {
    const info = m[2];
    const colon = info.indexOf(":");
    if (colon >= 0) out.push(info.slice(colon + 1), decoded(info.slice(colon + 1)));
    else if (!SSH_SCHEMES.has(m[1].toLowerCase())) out.push(info, decoded(info));
  }
  for (const m of text.matchAll(CREDENTIAL_PARAM)) out.push(m[4].replace(/^(['"])(.*)\1$/, "$2"));
  return [...new Set(out)].filter((c) => c.length > 0);
}

/** The source excerpt the `yaml` package appends to parse errors: `… at line 3, column 7:\n\n<lines>\n   ^\n`. */
const YAML_EXCERPT = /( at line \d+, column \d+):\n\n(?:[^\n]*\n)*?[ \t]*\^+[ \t]*(?:\n|$)/g;

/** Drop the quoted source lines of a YAML parse error (they are the Secret's text when the values came from one). */
export function cutYamlExcerpts(text: string): string {
  return text.replace(YAML_EXCERPT, "$1 (source excerpt not shown)");
}

/** Values paths whose value names another object (a Secret's name or key), not a secret itself. */
const REFERENCE_KEY =
  /(?:SecretName|^secretName|^sshKeySecret|^credentialsSecret|^existingSecret|^statsSecretKey|^passwordSecretName)$/;

/** True for a values path whose leaf key holds a reference (e.g. `data.metadataSecretName`). */
export function isReferencePath(path: string): boolean {
  const leaf = path.split(".").pop() ?? path;
  return REFERENCE_KEY.test(leaf);
}

/** The phrase that replaces a value taken from a Secret. */
export function fromSecret(name: string): string {
  return `(from Secret ${name}, not shown)`;
}

// Evidence lines that name a value's origin (lib/checklist/checks/outcome.ts `shown`, part-3 `settingEvidence`,
// part-6's PDB message). The origin label is `Secret/<name>[ (<key>)][ → <targetPath>]` (values.ts layerFor).
const ORIGIN_LABEL = String.raw`Secret\/([^\s()]+)(?: \([^()]*\))?(?: → [^()]*)?`;
const SHOWN = new RegExp(
  String.raw`(\x60([^\x60]+)\x60 = )("(?:[^"\\]|\\.)*"|\[\d+ item\(s\)\]|\{…\}|[^\s()]+) \(${ORIGIN_LABEL}\)`,
  "g",
);
const SETTING = new RegExp(
  String.raw`(\[[\w.-]+\] [\w.-]+ = )([^\n]+?)( — values (config\.[\w.-]+) \(${ORIGIN_LABEL}\))`,
  "g",
);
const IS_VALUE = new RegExp(String.raw`(\x60([^\x60]+)\x60 is )([^,\n]+)(, ${ORIGIN_LABEL}\))`, "g");

/** `\`path\` = "value" (Secret/x)` → `\`path\` = (from Secret x, not shown)`; references (Secret names) stay. */
export function hideSecretOrigins(text: string): string {
  return text
    .replace(SHOWN, (all, head: string, path: string, _v: string, name: string) =>
      isReferencePath(path) ? all : `${head}${fromSecret(name)}`,
    )
    .replace(
      SETTING,
      (_all, head: string, _v: string, tail: string, _p: string, name: string) => `${head}${fromSecret(name)}${tail}`,
    )
    .replace(IS_VALUE, (all, head: string, path: string, _v: string, tail: string, name: string) =>
      isReferencePath(path) ? all : `${head}${fromSecret(name)}${tail}`,
    );
}

/** Every rule that needs no knowledge of the values, in the order they must run. */
export function redactPatterns(text: string): string {
  return stripCredentialParams(stripUrlUserinfo(hideSecretOrigins(cutYamlExcerpts(text))));
}
