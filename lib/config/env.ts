// Environment configuration, validated with zod once per process. A bad value stops the start with a message
// that names the variable (see instrumentation.ts). Every variable is documented in README.md.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, "must start with file:, postgres:// or postgresql://")
    .optional(),
  KUBECONFIG: z.string().min(1).optional(),
  FLUXTOWER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  FLUXTOWER_DEMO_MODE: bool.default(false),
  FLUXTOWER_DEMO_PASSWORD: z.string().min(1).default("demo"),
  FLUXTOWER_READ_ONLY: bool.default(false),
  FLUXTOWER_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  FLUXTOWER_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  FLUXTOWER_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FLUXTOWER_ACTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
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
  const publicUrl = new URL(env.FLUXTOWER_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`);
  return { ...env, publicUrl };
}

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
