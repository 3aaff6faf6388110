// The Secrets an Airflow release references by name (DOMAIN.md §4–5), with the data keys each must hold.

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
    purpose: "Webserver session key (Airflow 2)",
    keySets: fixed("webserver-secret-key"),
    applies: (c) => c.major === 2,
  },
  {
    id: "api-key",
    path: "apiSecretKeySecretName",
    purpose: "API server secret key (Airflow 3)",
    keySets: fixed("api-secret-key"),
    applies: (c) => c.major === 3,
  },
  {
    id: "jwt",
    path: "jwtSecretName",
    purpose: "JWT signing secret (Airflow 3)",
    keySets: fixed("jwt-secret"),
    applies: (c) => c.major === 3,
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
    keySets: () => [
      ["GITSYNC_USERNAME", "GITSYNC_PASSWORD"],
      ["GIT_SYNC_USERNAME", "GIT_SYNC_PASSWORD"],
    ],
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
    return {
      ok: false,
      exists: true,
      evidence: [ev(`Secret ${name} has ${keyList}; needs ${wanted}`, ref)],
      problem: `Secret ${name} lacks key ${wanted}`,
    };
  }
  return { ok: true, exists: true, evidence: [ev(`Secret ${name} exists with key ${complete.join(", ")}`, ref)] };
}
