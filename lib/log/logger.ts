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
          args.map((a) => (typeof a === "string" ? maskTokens(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  });
}

/** Masks "Bearer xyz" and long opaque tokens inside free text. */
export function maskTokens(text: string): string {
  return text.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]");
}

const globalForLog = globalThis as unknown as { fluxtowerLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLog.fluxtowerLogger ??= create());
