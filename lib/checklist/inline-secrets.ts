// Find secret material written directly into values (spec.values or a ConfigMap valuesFrom). Reports paths only.

import type { EvalContext } from "./context";
import { getPath } from "./values";

/** A values path that must not carry a secret inline, and the Secret-name key to use instead. */
export interface InlineSecretPath {
  path: string;
  replacement: string;
  suggestedName: string;
  /** Only some values at this path are secrets (e.g. a broker URL with credentials). */
  isSecret?: (v: unknown) => boolean;
}

const hasCredentials = (v: unknown) => typeof v === "string" && /:\/\/[^/@\s]*:[^@\s]+@/.test(v);

/** Paths checked for inlined secrets. */
export const INLINE_SECRET_PATHS: readonly InlineSecretPath[] = [
  { path: "fernetKey", replacement: "fernetKeySecretName", suggestedName: "airflow-fernet-key" },
  {
    path: "webserverSecretKey",
    replacement: "webserverSecretKeySecretName",
    suggestedName: "airflow-webserver-secret-key",
  },
  { path: "apiSecretKey", replacement: "apiSecretKeySecretName", suggestedName: "airflow-api-secret-key" },
  { path: "jwtSecret", replacement: "jwtSecretName", suggestedName: "airflow-jwt-secret" },
  { path: "data.metadataConnection.pass", replacement: "data.metadataSecretName", suggestedName: "airflow-metadata" },
  {
    path: "data.resultBackendConnection.pass",
    replacement: "data.resultBackendSecretName",
    suggestedName: "airflow-result-backend",
  },
  {
    path: "data.brokerUrl",
    replacement: "data.brokerUrlSecretName",
    suggestedName: "airflow-broker-url",
    isSecret: hasCredentials,
  },
  { path: "redis.password", replacement: "redis.passwordSecretName", suggestedName: "airflow-redis-password" },
  { path: "dags.gitSync.sshKey", replacement: "dags.gitSync.sshKeySecret", suggestedName: "airflow-git-ssh-secret" },
];

/** One inlined secret: where it is, never what it is. */
export interface InlineFinding {
  path: string;
  source: string;
  spec: InlineSecretPath;
}

function present(v: unknown, spec: InlineSecretPath): boolean {
  if (v === undefined || v === null || v === "") return false;
  return spec.isSecret ? spec.isSecret(v) : true;
}

/**
 * Inlined secrets in layers that are not Secrets: `spec.values` and ConfigMap `valuesFrom` (a Secret
 * `valuesFrom` is an acceptable place for them).
 */
export function findInlineSecrets(ctx: EvalContext): InlineFinding[] {
  const findings: InlineFinding[] = [];
  for (const spec of INLINE_SECRET_PATHS) {
    for (const layer of ctx.layers) {
      if (layer.kind !== "spec.values" && layer.kind !== "ConfigMap") continue;
      const hit =
        layer.targetPath !== undefined
          ? layer.targetPath === spec.path && present(layer.targetValue, spec)
          : present(getPath(layer.values, spec.path), spec);
      if (hit) findings.push({ path: spec.path, source: layer.label, spec });
    }
  }
  return findings;
}
