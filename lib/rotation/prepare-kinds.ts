// Kind-specific checks and facts of a rotation plan: the uploaded value's format, the Airflow scheduler whose pod
// template builds the Jobs, the database role (read server-side from the current connection URL, only the user
// name is kept), PgBouncer (pgbouncer-plan.ts: its Deployment and the Secrets that carry the password too), the
// git-sync repository.
import "server-only";
import { at, str } from "@/lib/health/read";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { KubeObject } from "@/lib/kinds/object";
import { gitRepoOf, jobTemplateOf, metadataReleaseOf, pgbouncerEnabled, type ReleaseNaming } from "./airflow";
import { isSafeRoleName, parseConnection } from "./connection-url";
import type { RotationKind } from "./kinds";
import { readSecret } from "./kube";
import type { Need } from "./access";
import type { Consumer } from "./target";
import { rewriteStatsConnection, rewriteUsersTxt } from "./pgbouncer-files";
import { pgbouncerFacts } from "./pgbouncer-plan";
import type { PgBouncerPlan, RotationPlan, WritePath } from "./types";
import { isFernetKey, isSafePassword } from "./values";

export interface KindInput {
  cluster: string;
  cache: ClusterCache;
  user: Principal;
  /** The Airflow releases of the Secret's namespace (airflowReleasesFacts). */
  releases: ReleaseNaming[];
  kind: RotationKind;
  secret: KubeObject;
  key: string;
  write: WritePath;
  consumers: Consumer[];
  uploadedValue?: string;
}

export interface KindFacts {
  plan: Pick<RotationPlan, "jobTemplate" | "gitRepo" | "dbUser" | "pgbouncer">;
  warnings: string[];
  /** Kubernetes permissions the kind needs beyond the Secret, the ExternalSecret, the consumers and Jobs. */
  permissions?: Need[];
}

const getter = (cache: ClusterCache) => (c: Consumer) => cache.get(c.resource, c.namespace, c.name);

async function metadataFacts(input: KindInput): Promise<KindFacts> {
  const ns = input.secret.metadata.namespace ?? "";
  if (input.uploadedValue !== undefined && !isSafePassword(input.uploadedValue)) {
    throw new AppError("bad_request", "The new password must be 12–128 printable characters without quotes, backslashes, dollar signs or backticks");
  }
  const release = metadataReleaseOf(input.releases, ns, input.secret.metadata.name);
  const current = await readSecret(input.cluster, { user: input.user.kubeUser, groups: input.user.groups }, ns, input.secret.metadata.name);
  const parts = current ? parseConnection(current.data[input.key] ?? "") : undefined;
  if (!parts) throw new AppError("conflict", `Key "${input.key}" does not hold a PostgreSQL connection URL; the password rotation supports PostgreSQL only`);
  if (!isSafeRoleName(parts.user)) throw new AppError("conflict", `The database user in the connection URL has characters Fluxtower will not put into ALTER ROLE`);
  const jobTemplate = jobTemplateOf(input.consumers, getter(input.cache), "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN");
  if (!jobTemplate) throw new AppError("conflict", "No Airflow Deployment/StatefulSet reads this Secret, so there is no image to run psql with");
  const rendered = release ? chartRenderedWarning(release, input.secret.metadata.name) : [];
  if (!release || !pgbouncerEnabled(release)) return { plan: { jobTemplate, dbUser: parts.user }, warnings: rendered };
  const pgb = await pgbouncerPlan(input, release, parts.user);
  return { plan: { jobTemplate, dbUser: parts.user, pgbouncer: pgb.plan }, warnings: [...rendered, ...pgb.warnings], permissions: pgb.permissions };
}

/**
 * A metadata Secret the chart renders (no data.metadataSecretName) comes from data.metadataConnection in the
 * HelmRelease values: the next upgrade renders the OLD password again, which no longer works once ALTER ROLE ran.
 */
function chartRenderedWarning(release: ReleaseNaming, secret: string): string[] {
  if (str(at(release.values, "data", "metadataSecretName"))) return [];
  const hr = `${release.hr.metadata.namespace ?? ""}/${release.hr.metadata.name}`;
  return [
    `HelmRelease ${hr} renders ${secret} from data.metadataConnection.pass in its values: change the password there (in Git, or the valuesFrom Secret) right after this rotation, or the next upgrade writes the old password back and Airflow can no longer log in. A metadataSecretName delivered by External Secrets avoids this.`,
  ];
}

/** PgBouncer facts, and for Secrets Fluxtower patches: the role must have a users.txt line, the stats URL must parse. */
async function pgbouncerPlan(input: KindInput, release: ReleaseNaming, role: string): Promise<{ plan: PgBouncerPlan; permissions: Need[]; warnings: string[] }> {
  const ns = input.secret.metadata.namespace ?? "";
  const lookups = { externalSecrets: input.cache.list("externalsecrets"), secretStores: input.cache.list("secretstores"), clusterSecretStores: input.cache.list("clustersecretstores") };
  const facts = pgbouncerFacts({ release, namespace: ns, role, metadataWrite: input.write, deployments: input.cache.list("deployments"), secrets: input.cache.list("secrets"), lookups });
  if (!facts.ok) throw new AppError("conflict", `HelmRelease ${release.hr.metadata.namespace ?? ""}/${release.hr.metadata.name} runs PgBouncer: ${facts.message}`);
  const as = { user: input.user.kubeUser, groups: input.user.groups };
  for (const s of [facts.plan.config, facts.plan.stats]) {
    if (!s || s.write.type !== "direct") continue;
    const text = (await readSecret(input.cluster, as, ns, s.name))?.data[s.key];
    if (text === undefined) throw new AppError("conflict", `The PgBouncer Secret ${s.name} has no key "${s.key}"`);
    const check = s.key === "users.txt" ? rewriteUsersTxt(text, role, "x") : rewriteStatsConnection(text, role, "x");
    if (!check.ok) throw new AppError("conflict", `PgBouncer Secret ${s.name}: ${check.reason}; fix it (or rotate by hand) before rotating the password`);
  }
  const warnings = [`PgBouncer runs in front of the database: between ALTER ROLE and the PgBouncer restart, new connections through it fail (running ones keep working); Deployment ${facts.plan.workload} is restarted before Airflow.`];
  return { plan: facts.plan, permissions: facts.permissions, warnings };
}

export async function kindFacts(input: KindInput): Promise<KindFacts> {
  switch (input.kind) {
    case "airflow-fernet": {
      if (input.uploadedValue !== undefined && !isFernetKey(input.uploadedValue)) throw new AppError("bad_request", "A Fernet key is 32 random bytes in URL-safe base64 (44 characters ending in '=')");
      const jobTemplate = jobTemplateOf(input.consumers, getter(input.cache), "AIRFLOW__CORE__FERNET_KEY");
      if (!jobTemplate) throw new AppError("conflict", "No Airflow scheduler reads this Secret as AIRFLOW__CORE__FERNET_KEY, so the re-encryption Job cannot be built");
      return { plan: { jobTemplate }, warnings: [] };
    }
    case "airflow-metadata-password":
      return metadataFacts(input);
    case "git-ssh-key": {
      if (input.write.type === "upstream" && input.write.adapter === "manual") {
        throw new AppError("conflict", `Fluxtower cannot write the ${input.write.providerType} backend and never shows a private key: generate the key pair yourself, store the private key in the vault item, add the public key as a deploy key, then force-sync the ExternalSecret.`);
      }
      const workloads = input.consumers.map((c) => input.cache.get(c.resource, c.namespace, c.name)).filter((o): o is KubeObject => !!o);
      const gitRepo = gitRepoOf(workloads);
      return { plan: gitRepo ? { gitRepo } : {}, warnings: [] };
    }
    default:
      return { plan: {}, warnings: [] };
  }
}
