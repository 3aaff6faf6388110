// The Secrets an Airflow release references by name (DOMAIN.md §4–5), with the data keys each must hold.

import { GIT_SYNC_CREDENTIAL_KEYS } from "./chart-facts";
import type { EvalContext } from "./context";
import type { Evidence } from "./types";
import { ev, isSet, secretRef, truthy } from "./checks/outcome";

/** A kind of Secret the chart reads. */
export interface SecretRole {
  id: string;
  /** Values path holding the Secret's name. */
  path: string;
  purpose: string;
  /** The Secret is complete when every key of at least one set is present. */
  keySets: (ctx: EvalContext) => string[][];
  applies: (ctx: EvalContext) => boolean;
}

const always = () => true;
const fixed =
  (...keys: string[]) =>
  () => [keys];
const gitSync = (ctx: EvalContext) => truthy(ctx.get("dags.gitSync.enabled"));
const pgbouncer = (ctx: EvalContext) => truthy(ctx.get("pgbouncer.enabled"));

/** All secret roles, in display order. */
export const SECRET_ROLES: readonly SecretRole[] = [
  {
    id: "metadata",
    path: "data.metadataSecretName",
    purpose: "Metadata DB connection",
    keySets: fixed("connection"),
    applies: always,
  },
  {
    id: "fernet",
    path: "fernetKeySecretName",
    purpose: "Fernet encryption key",
    keySets: fixed("fernet-key"),
    applies: always,
  },
  {
    id: "webserver-key",
    path: "webserverSecretKeySecretName",
    purpose: "Webserver secret key",
    keySets: fixed("webserver-secret-key"),
    // AIRFLOW__WEBSERVER__SECRET_KEY: every Airflow version on charts 1.16/1.17, Airflow < 3 from 1.18.
    applies: (c) => c.secretKeys.webserverSecretKey,
  },
  {
    id: "api-key",
    path: "apiSecretKeySecretName",
    purpose: "API secret key (Airflow 3)",
    keySets: fixed("api-secret-key"),
    // AIRFLOW__API__SECRET_KEY: Airflow 3 on charts 1.18+ (1.16/1.17 ignore `apiSecretKeySecretName`).
    applies: (c) => c.secretKeys.apiSecretKey,
  },
  {
    id: "jwt",
    path: "jwtSecretName",
    purpose: "JWT signing secret (Airflow 3)",
    keySets: fixed("jwt-secret"),
    // AIRFLOW__API_AUTH__JWT_SECRET: Airflow 3 on charts 1.17+ (1.16 has no JWT secret).
    applies: (c) => c.secretKeys.jwtSecret,
  },
  {
    id: "git-ssh",
    path: "dags.gitSync.sshKeySecret",
    purpose: "git-sync SSH deploy key",
    keySets: fixed("gitSshKey"),
    applies: gitSync,
  },
  {
    id: "git-credentials",
    path: "dags.gitSync.credentialsSecret",
    purpose: "git-sync HTTPS credentials",
    // The git-sync container references all four keys as required secretKeyRefs (`_helpers.yaml` git_sync_container).
    keySets: () => [[...GIT_SYNC_CREDENTIAL_KEYS]],
    applies: gitSync,
  },
  {
    id: "result-backend",
    path: "data.resultBackendSecretName",
    purpose: "Celery result backend connection",
    keySets: fixed("connection"),
    applies: always,
  },
  {
    id: "broker-url",
    path: "data.brokerUrlSecretName",
    purpose: "Celery broker URL",
    keySets: fixed("connection"),
    applies: always,
  },
  {
    id: "redis-password",
    path: "redis.passwordSecretName",
    purpose: "Redis password",
    keySets: fixed("password"),
    applies: (c) => truthy(c.get("redis.enabled")),
  },
  {
    id: "pgbouncer-config",
    path: "pgbouncer.configSecretName",
    purpose: "PgBouncer config (pgbouncer.ini, users.txt)",
    keySets: fixed("pgbouncer.ini", "users.txt"),
    applies: pgbouncer,
  },
  {
    id: "pgbouncer-stats",
    path: "pgbouncer.metricsExporterSidecar.statsSecretName",
    purpose: "PgBouncer exporter connection",
    keySets: (c) => [[String(c.get("pgbouncer.metricsExporterSidecar.statsSecretKey") ?? "") || "connection"]],
    applies: pgbouncer,
  },
  {
    id: "elasticsearch",
    path: "elasticsearch.secretName",
    purpose: "Elasticsearch connection",
    keySets: fixed("connection"),
    applies: (c) => truthy(c.get("elasticsearch.enabled")),
  },
];

/** A Secret the release references. */
export interface ReferencedSecret {
  role: SecretRole;
  name: string;
}

/** Role by id. */
export function secretRole(id: string): SecretRole {
  const role = SECRET_ROLES.find((r) => r.id === id);
  if (!role) throw new Error(`unknown secret role ${id}`);
  return role;
}

/** The Secret name configured for a role, if the role applies and a name is set. */
export function secretNameFor(ctx: EvalContext, roleId: string): string | undefined {
  const role = secretRole(roleId);
  const name = ctx.get(role.path);
  return role.applies(ctx) && isSet(name) ? String(name) : undefined;
}

/** Every applicable role whose Secret name is set. */
export function referencedSecrets(ctx: EvalContext): ReferencedSecret[] {
  return SECRET_ROLES.filter((r) => r.applies(ctx) && isSet(ctx.get(r.path))).map((role) => ({
    role,
    name: String(ctx.get(role.path)),
  }));
}

/** Result of checking one referenced Secret. */
export interface SecretRefCheck {
  ok: boolean;
  exists: boolean;
  evidence: Evidence[];
  problem?: string;
}

/** Check that a referenced Secret exists and holds one of the required key sets (never reads values). */
export function checkSecretRef(ctx: EvalContext, roleId: string, name: string): SecretRefCheck {
  const role = secretRole(roleId);
  const facts = ctx.secret(name);
  const ref = secretRef(ctx, name);
  if (!facts) {
    return {
      ok: false,
      exists: false,
      evidence: [ev(`Secret ${name} (\`${role.path}\`) not found in namespace ${ctx.namespace}`, ref)],
      problem: `Secret ${name} is missing`,
    };
  }
  const sets = role.keySets(ctx);
  const complete = sets.find((set) => set.every((k) => facts.keys.includes(k)));
  const keyList = facts.keys.length ? facts.keys.join(", ") : "no keys";
  if (!complete) {
    const wanted = sets.map((s) => s.join(" + ")).join(" or ");
    const missing = sets.length === 1 ? sets[0].filter((k) => !facts.keys.includes(k)) : [];
    return {
      ok: false,
      exists: true,
      evidence: [ev(`Secret ${name} has ${keyList}; needs ${wanted}`, ref)],
      problem: missing.length
        ? `Secret ${name} lacks key${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`
        : `Secret ${name} lacks key ${wanted}`,
    };
  }
  return { ok: true, exists: true, evidence: [ev(`Secret ${name} exists with key ${complete.join(", ")}`, ref)] };
}
