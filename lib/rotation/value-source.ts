// The values a rotation moves around, read from the cluster when a step needs them: the previous value from the
// backup Secret, the new one from the staged Secret. Nothing here is logged or persisted.
import "server-only";
import { parseConnection } from "./connection-url";
import { readSecret } from "./kube";
import type { StepContext } from "./steps/context";
import type { RemoteField } from "./eso-remote";

/** Which value a write puts into the Secret key. */
export type ValueTarget = "next" | "combined" | "previous";

export class MissingValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingValueError";
  }
}

async function dataOf(ctx: StepContext, name: string | null, what: string): Promise<Record<string, string>> {
  if (!name) throw new MissingValueError(`the rotation has no ${what} Secret`);
  const s = await readSecret(ctx.rotation.cluster, ctx.as, ctx.rotation.namespace, name);
  if (!s) throw new MissingValueError(`the ${what} Secret ${ctx.rotation.namespace}/${name} is gone`);
  return s.data;
}

export async function previousValue(ctx: StepContext): Promise<string> {
  const data = await dataOf(ctx, ctx.rotation.backupSecret, "backup");
  const v = data[ctx.rotation.key];
  if (v === undefined) throw new MissingValueError(`the backup Secret has no key ${ctx.rotation.key}`);
  return v;
}

/** The staged Secret's fields (value, password, connection, publicKey …). */
export async function stagedFields(ctx: StepContext): Promise<Record<string, string>> {
  return dataOf(ctx, ctx.rotation.stagedSecret, "staged");
}

export async function nextValue(ctx: StepContext): Promise<string> {
  const staged = await stagedFields(ctx);
  const v = ctx.rotation.kind === "airflow-metadata-password" ? staged.connection : staged.value;
  if (v === undefined) throw new MissingValueError("the staged Secret holds no new value");
  return v;
}

/** The value the Secret key must hold after a write of `target`. */
export async function desiredValue(ctx: StepContext, target: ValueTarget): Promise<string> {
  if (target === "previous") return previousValue(ctx);
  if (target === "next") return nextValue(ctx);
  return `${await nextValue(ctx)},${await previousValue(ctx)}`;
}

/** What the backend field must hold for the Secret to render `secretValue`. */
export function upstreamValueOf(field: RemoteField, secretValue: string): string {
  if (field.transform === "identity") return secretValue;
  const parts = parseConnection(secretValue);
  if (!parts) throw new MissingValueError("the connection URL cannot be parsed");
  return parts.password;
}

/** Whether the Secret's current value renders the same backend value (tolerates URL-encoding differences). */
export function sameValue(field: RemoteField | undefined, actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  if (!field || field.transform === "identity") return actual === expected;
  return parseConnection(actual)?.password === parseConnection(expected)?.password;
}
