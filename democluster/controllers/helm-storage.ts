// Helm's release storage: Secrets "sh.helm.release.v1.<release>.v<version>" (type helm.sh/release.v1) whose
// data.release is base64(gzip(JSON release)), with labels owner=helm,name,status,version.
import { gzipSync } from "node:zlib";
import { stringify as yamlStringify } from "yaml";
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { StatusError } from "../store/errors";
import type { ChartVersion } from "./chart-catalog";
import type { JsonMap } from "../sim/objects";

const MANAGER = "helm-controller";

export interface StoredRelease {
  namespace: string;
  release: string;
  version: number;
  status: string;
  chart: ChartVersion;
  config: JsonMap;
  manifests: KObject[];
  firstDeployed: string;
  lastDeployed: string;
  description: string;
}

export function storageName(release: string, version: number): string {
  return `sh.helm.release.v1.${release}.v${version}`;
}

export function writeRelease(ctx: SimContext, rel: StoredRelease): void {
  const body = {
    name: rel.release,
    namespace: rel.namespace,
    version: rel.version,
    info: {
      first_deployed: rel.firstDeployed,
      last_deployed: rel.lastDeployed,
      deleted: "",
      description: rel.description,
      status: rel.status,
    },
    chart: {
      metadata: {
        name: rel.chart.name,
        version: rel.chart.version,
        appVersion: rel.chart.appVersion,
        apiVersion: "v2",
      },
      values: {},
    },
    config: rel.config,
    manifest: rel.manifests.map((m) => `---\n${yamlStringify(m)}`).join(""),
  };
  const encoded = gzipSync(Buffer.from(JSON.stringify(body))).toString("base64");
  const secret: KObject = {
    apiVersion: "v1",
    kind: "Secret",
    type: "helm.sh/release.v1",
    metadata: {
      name: storageName(rel.release, rel.version),
      namespace: rel.namespace,
      labels: {
        name: rel.release,
        owner: "helm",
        status: rel.status,
        version: String(rel.version),
        modifiedAt: String(Math.floor(Date.now() / 1000)),
      },
    },
    data: { release: Buffer.from(encoded).toString("base64") },
  };
  const existing = ctx.store.get(R.secrets, rel.namespace, secret.metadata.name);
  if (existing)
    ctx.store.update(
      R.secrets,
      { ...secret, metadata: { ...existing.metadata, labels: secret.metadata.labels } },
      { fieldManager: MANAGER },
    );
  else ctx.store.create(R.secrets, secret, { fieldManager: MANAGER });
}

export function setReleaseStatus(
  ctx: SimContext,
  namespace: string,
  release: string,
  version: number,
  status: string,
): void {
  ctx.store.mutate(
    R.secrets,
    namespace,
    storageName(release, version),
    (s) => {
      s.metadata.labels = { ...(s.metadata.labels ?? {}), status };
    },
    { fieldManager: MANAGER },
  );
}

export function deleteReleases(ctx: SimContext, namespace: string, release: string): void {
  for (const s of ctx.store.list(R.secrets, namespace)) {
    if (s.metadata.labels?.owner !== "helm" || s.metadata.labels?.name !== release) continue;
    try {
      ctx.store.delete(R.secrets, namespace, s.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}
