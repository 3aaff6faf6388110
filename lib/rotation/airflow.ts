// Airflow specifics of the plan: which workload's pod template builds the rotation Jobs (the scheduler), which
// repository git-sync clones, whether PgBouncer sits between Airflow and the database. Pure.
import type { AirflowReleaseFacts } from "@/lib/airflow-release/release-facts";
import { at, recs } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { Consumer } from "./target";
import type { RotationPlan } from "./types";

/** The chart's Airflow image (custom images usually keep "airflow" in the name), not its helpers' images. */
const isAirflowImage = (image: unknown) => typeof image === "string" && /airflow/i.test(image) && !/pgbouncer|statsd|git-sync|redis|exporter/i.test(image);

function containers(workload: KubeObject): Record<string, unknown>[] {
  return recs(at(workload.spec, "template", "spec", "containers"));
}

function readsEnv(c: Record<string, unknown>, name: string): boolean {
  return recs(c.env).some((e) => e.name === name);
}

/**
 * The scheduler among the consumers (label component=scheduler, else a name ending in "-scheduler", else the
 * first Airflow Deployment/StatefulSet), and its Airflow container — the one that reads `envName` when given.
 */
export function jobTemplateOf(consumers: Consumer[], get: (c: Consumer) => KubeObject | undefined, envName?: string): RotationPlan["jobTemplate"] {
  const candidates = consumers
    .filter((c) => c.resource === "deployments" || c.resource === "statefulsets")
    .map((c) => ({ c, obj: get(c) }))
    .filter((x): x is { c: Consumer; obj: KubeObject } => !!x.obj);
  const score = (x: { c: Consumer; obj: KubeObject }) =>
    (x.obj.metadata.labels?.component === "scheduler" ? 2 : 0) + (x.c.name.endsWith("-scheduler") || x.c.name === "scheduler" ? 1 : 0);
  for (const x of candidates.sort((a, b) => score(b) - score(a))) {
    const container = containers(x.obj).find((c) => isAirflowImage(c.image) && (!envName || readsEnv(c, envName)));
    if (container && typeof container.name === "string") return { resource: x.c.resource as "deployments" | "statefulsets", name: x.c.name, container: container.name };
  }
  return undefined;
}

/** GITSYNC_REPO (v4) or GIT_SYNC_REPO (v3) of the first git-sync container among the workloads. */
export function gitRepoOf(workloads: KubeObject[]): string | undefined {
  for (const w of workloads) {
    for (const c of [...recs(at(w.spec, "template", "spec", "containers")), ...recs(at(w.spec, "template", "spec", "initContainers"))]) {
      const repo = recs(c.env).find((e) => e.name === "GITSYNC_REPO" || e.name === "GIT_SYNC_REPO");
      if (repo && typeof repo.value === "string") return repo.value;
    }
  }
  return undefined;
}

/** What rotation needs to know of an Airflow release: names from the chart's rules (or Helm's record) and the deployed values. */
export type ReleaseNaming = Pick<AirflowReleaseFacts, "hr" | "releaseName" | "namespace" | "names" | "values">;

/** The Airflow release in `namespace` whose metadata Secret this is (data.metadataSecretName, or the chart's `<fullname>-metadata`). */
export function metadataReleaseOf(releases: ReleaseNaming[], namespace: string, secret: string): ReleaseNaming | undefined {
  return releases.find((r) => r.namespace === namespace && r.names.metadataSecret === secret);
}

/** PgBouncer is on in the deployed values (Helm's record) or, without a record, in the values the HelmRelease asks for. */
export function pgbouncerEnabled(release: ReleaseNaming | undefined): boolean {
  return at(release?.values, "pgbouncer", "enabled") === true;
}
