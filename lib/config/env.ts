// Environment configuration, validated with zod once per process. A bad value stops the start with a message
// that names the variable (see instrumentation.ts). Every variable is documented in README.md.
import { z } from "zod";
import { postgresTlsProblem } from "./database-tls";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Comma-separated list → trimmed, non-empty, unique strings. */
const list = z
  .string()
  .default("")
  .transform((v) => [...new Set(v.split(",").map((x) => x.trim()).filter(Boolean))]);

/** An empty value counts as unset (deployments often template empty variables). */
const unsetIfEmpty = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === "" ? undefined : v), inner.optional());

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The issuer must be https; plain http is accepted only on loopback (tests, local providers). */
const issuerUrl = z
  .url({ protocol: /^https?$/ })
  .refine((v) => {
    const u = new URL(v);
    return u.protocol === "https:" || LOOPBACK_HOSTS.has(u.hostname);
  }, "must be an https:// URL (http:// only on 127.0.0.1 / localhost)")
  .refine((v) => !new URL(v).search && !new URL(v).hash, "must not have a query or fragment");

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: unsetIfEmpty(
    z
      .string()
      .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, "must start with file:, postgres:// or postgresql://")
      .superRefine((value, ctx) => {
        // S23: PostgreSQL over TLS, or explicitly plain text to a server on this machine (lib/config/database-tls.ts).
        const problem = /^postgres(ql)?:\/\//.test(value) ? postgresTlsProblem(value) : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  KUBECONFIG: z.string().min(1).optional(),
  FLUXTOWER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FLUXTOWER_DEMO_MODE: bool.default(false),
  FLUXTOWER_DEMO_PASSWORD: z.string().min(1).default("demo"),
  FLUXTOWER_READ_ONLY: bool.default(false),
  FLUXTOWER_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  FLUXTOWER_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  FLUXTOWER_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FLUXTOWER_ACTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The longest a checklist waiver may last (every waiver has an expiry; a longer request is refused). */
  FLUXTOWER_WAIVER_MAX_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  FLUXTOWER_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For; the client address is the entry that
   * many from the right. 0 (no proxy): the connection's peer address, and X-Forwarded-For is ignored.
   */
  FLUXTOWER_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** API tokens of a user who has not signed in for this many days are refused until they sign in again. */
  FLUXTOWER_TOKEN_IDLE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // OpenID Connect sign-in (on when FLUXTOWER_OIDC_ISSUER is set).
  FLUXTOWER_OIDC_ISSUER: unsetIfEmpty(issuerUrl),
  FLUXTOWER_OIDC_CLIENT_ID: unsetIfEmpty(z.string().max(512)),
  FLUXTOWER_OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().max(4096)),
  FLUXTOWER_OIDC_SCOPES: z
    .string()
    .default("openid profile email")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean).join(" "))
    .refine((v) => v.split(" ").includes("openid"), "must include openid (space- or comma-separated)"),
  FLUXTOWER_OIDC_GROUPS_CLAIM: z.string().min(1).max(128).default("groups"),
  FLUXTOWER_OIDC_USERNAME_CLAIM: z.string().min(1).max(128).default("sub"),
  FLUXTOWER_OIDC_USERNAME_PREFIX: z.string().max(64).default("oidc:"),
  FLUXTOWER_OIDC_GROUPS_PREFIX: z.string().max(64).default("oidc:"),
  FLUXTOWER_ADMIN_GROUPS: list,
  FLUXTOWER_OPERATOR_GROUPS: list,
  FLUXTOWER_VIEWER_GROUPS: list,
  /** Groups (as the principal carries them, e.g. "oidc:platform-leads") whose members may approve checklist reviews and waivers, besides admins. */
  FLUXTOWER_APPROVER_GROUPS: list,
});

export type Env = z.infer<typeof schema> & { publicUrl: URL };

let cached: Env | undefined;

/** Formats zod issues as "VARIABLE: problem" lines. */
function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

/** Parses an environment map (process.env by default). Throws an Error naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${describe(result.error)}`);
  }
  const env = result.data;
  if (env.FLUXTOWER_OIDC_ISSUER && !env.FLUXTOWER_OIDC_CLIENT_ID) {
    throw new Error("Invalid configuration:\nFLUXTOWER_OIDC_CLIENT_ID: required when FLUXTOWER_OIDC_ISSUER is set");
  }
  const publicUrl = new URL(env.FLUXTOWER_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`);
  return { ...env, publicUrl };
}

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
