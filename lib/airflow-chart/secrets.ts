// The Secrets a release's Airflow pods read, and the ones the chart renders itself. Pure.
// Names from templates/_helpers.yaml and templates/secrets/*.yaml of each version (cited in naming tests).

import { airflowFullname } from "./fullname";
import { semverCompare } from "./semver";
import { secretKeyFacts, type ChartLine } from "./versions";
import { isCelery, type ValueReader } from "./values";

export type ChartSecretRole =
  | "fernet-key"
  | "metadata"
  | "result-backend"
  | "broker-url"
  | "redis-password"
  | "pgbouncer-config"
  | "pgbouncer-stats"
  | "webserver-secret-key"
  | "api-secret-key"
  | "jwt-secret"
  | "git-ssh-key"
  | "git-credentials";

export interface ChartSecret {
  role: ChartSecretRole;
  /** The name the pods refer to: the Secret that must exist. */
  name: string;
  /** The name the chart renders when it renders this Secret itself (may differ from `name`: 1.17 JWT, 1.19 broker URL). */
  renderedName?: string;
  /** Rendered as a `pre-install` Helm hook: in the release's `hooks`, not its `manifest`, and never re-rendered on upgrade. */
  hook?: "pre-install";
  /** Data keys the chart reads from it. */
  keys: string[];
  /** False when the pods do not read it (e.g. broker URL without a Celery executor); the chart may still render it. */
  referenced: boolean;
}

export const GIT_SYNC_CREDENTIAL_KEYS = ["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"] as const;

/** Names that keep `<release>-…` up to 1.18 and follow `airflow.fullname` in 1.19. */
function legacyBase(line: ChartLine, release: string, fullname: string): string {
  return line === "1.19" ? fullname : release;
}

export function chartSecrets(release: string, v: ValueReader, airflowVersion: string): ChartSecret[] {
  const line = v.line;
  const fullname = airflowFullname(release, v);
  const legacy = legacyBase(line, release, fullname);
  const env = (name: string) => v.on(`enableBuiltInSecretEnvVars.${name}`);
  const out: ChartSecret[] = [];
  const add = (role: ChartSecretRole, override: string | undefined, rendered: string, rest: Omit<ChartSecret, "role" | "name">) =>
    out.push({ role, name: override ?? rendered, ...rest, renderedName: override ? undefined : rest.renderedName });

  const fernet = v.str("fernetKeySecretName");
  add("fernet-key", fernet, `${legacy}-fernet-key`, {
    renderedName: `${legacy}-fernet-key`,
    hook: fernet ? undefined : "pre-install",
    keys: ["fernet-key"],
    referenced: env("AIRFLOW__CORE__FERNET_KEY"),
  });

  const metadata = v.str("data.metadataSecretName");
  add("metadata", metadata, `${fullname}-metadata`, { renderedName: `${fullname}-metadata`, keys: ["connection"], referenced: true });

  const celery = isCelery(v);
  const rbName = v.str("data.resultBackendSecretName");
  const rbConnection = v.on("data.resultBackendConnection");
  const before24 = semverCompare("<", "2.4.0", airflowVersion);
  const rbReferenced = celery && (before24 || rbName !== undefined || rbConnection);
  const rbRendered = !rbName && celery && (before24 || rbConnection);
  if (rbReferenced || rbRendered) {
    add("result-backend", rbName, `${fullname}-result-backend`, {
      renderedName: rbRendered ? `${fullname}-result-backend` : undefined,
      keys: ["connection"],
      referenced: rbReferenced,
    });
  }

  // redis-secrets.yaml renders the broker URL Secret whatever the executor; the env refers to `<release>-broker-url`
  // in every version, while 1.19 renders `<fullname>-broker-url`.
  const brokerName = v.str("data.brokerUrlSecretName");
  out.push({
    role: "broker-url",
    name: brokerName ?? `${release}-broker-url`,
    renderedName: brokerName ? undefined : `${legacy}-broker-url`,
    hook: brokerName ? undefined : "pre-install",
    keys: ["connection"],
    referenced: celery && env("AIRFLOW__CELERY__BROKER_URL"),
  });

  if (v.on("redis.enabled")) {
    const redisName = v.str("redis.passwordSecretName");
    add("redis-password", redisName, `${legacy}-redis-password`, {
      renderedName: `${legacy}-redis-password`,
      hook: redisName ? undefined : "pre-install",
      keys: ["password"],
      referenced: celery,
    });
  }

  if (v.on("pgbouncer.enabled")) {
    const cfg = v.str("pgbouncer.configSecretName");
    add("pgbouncer-config", cfg, `${fullname}-pgbouncer-config`, {
      renderedName: `${fullname}-pgbouncer-config`,
      keys: ["pgbouncer.ini", "users.txt"],
      referenced: true,
    });
    const stats = v.str("pgbouncer.metricsExporterSidecar.statsSecretName");
    const statsKey = (stats && v.str("pgbouncer.metricsExporterSidecar.statsSecretKey")) || "connection";
    add("pgbouncer-stats", stats, `${fullname}-pgbouncer-stats`, {
      renderedName: `${fullname}-pgbouncer-stats`,
      keys: [statsKey],
      referenced: true,
    });
  }

  const keys = secretKeyFacts(v, airflowVersion);
  if (keys.webserverSecretKey || keys.rendered.webserverSecretKey) {
    add("webserver-secret-key", v.str("webserverSecretKeySecretName"), `${fullname}-webserver-secret-key`, {
      renderedName: keys.rendered.webserverSecretKey ? `${fullname}-webserver-secret-key` : undefined,
      keys: ["webserver-secret-key"],
      referenced: keys.webserverSecretKey,
    });
  }
  if (keys.apiSecretKey || keys.rendered.apiSecretKey) {
    add("api-secret-key", v.str("apiSecretKeySecretName"), `${fullname}-api-secret-key`, {
      renderedName: keys.rendered.apiSecretKey ? `${fullname}-api-secret-key` : undefined,
      keys: ["api-secret-key"],
      referenced: keys.apiSecretKey,
    });
  }
  if (keys.jwtSecret || keys.rendered.jwtSecret) {
    // 1.17 renders `<fullname>-jwt-secret` (jwt-secret.yaml) but the env refers to `<release>-jwt-secret`.
    const jwtName = v.str("jwtSecretName");
    out.push({
      role: "jwt-secret",
      name: jwtName ?? `${legacy}-jwt-secret`,
      renderedName: keys.rendered.jwtSecret ? `${line === "1.17" ? fullname : legacy}-jwt-secret` : undefined,
      keys: ["jwt-secret"],
      referenced: keys.jwtSecret,
    });
  }

  if (v.on("dags.gitSync.enabled")) {
    const sshSecret = v.str("dags.gitSync.sshKeySecret");
    const sshKey = v.on("dags.gitSync.sshKey");
    const credentials = v.str("dags.gitSync.credentialsSecret");
    if (sshSecret || sshKey) {
      out.push({
        role: "git-ssh-key",
        name: sshSecret ?? `${fullname}-ssh-secret`,
        renderedName: sshKey ? (sshSecret ?? `${fullname}-ssh-secret`) : undefined,
        keys: ["gitSshKey"],
        referenced: true,
      });
    } else if (credentials) {
      out.push({ role: "git-credentials", name: credentials, keys: [...GIT_SYNC_CREDENTIAL_KEYS], referenced: true });
    }
  }
  return out;
}
