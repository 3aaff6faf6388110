// Structured JSON logs (pino). Tokens, cookies, authorization headers and secret data are redacted by path,
// and any string that looks like a bearer token is masked before it is written.
import pino from "pino";

const REDACT_PATHS = [
  "token",
  "*.token",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "cookie",
  "*.cookie",
  "data",
  "*.data",
  "stringData",
  "*.stringData",
  "clientSecret",
  "*.clientSecret",
];

function create() {
  return pino({
    level: process.env.FLUXTOWER_LOG_LEVEL ?? "info",
    base: { service: "fluxtower" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => scrub(a, 0)) as Parameters<typeof method>,
        );
      },
    },
  });
}

/** Masks "Bearer xyz", Fluxtower API tokens (`ft_…`) and JWTs inside free text. */
export function maskTokens(text: string): string {
  return text
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]")
    .replace(/\bft_[A-Za-z0-9_-]{16,}/g, "ft_[redacted]")
    .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, "[redacted-jwt]");
}

/**
 * Every string of a log argument masked (objects and errors included, e.g. an `err` whose message quotes a request
 * header): path redaction alone only covers known field names.
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskTokens(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: maskTokens(value.message) };
    if (value.stack) out.stack = maskTokens(value.stack);
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

const globalForLog = globalThis as unknown as { fluxtowerLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLog.fluxtowerLogger ??= create());
