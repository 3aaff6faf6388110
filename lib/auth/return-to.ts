// Where to go after sign-in: only a path on this site. Anything else (absolute or scheme-relative URLs, backslash
// tricks, control characters, over-long values) becomes "/".
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 512) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
