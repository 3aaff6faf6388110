// Generator for the `large` scenario: many tenants, each with Airflow-like HelmReleases whose workloads and pods
// already run, Kustomizations that applied them, and ExternalSecrets already synced — all created directly in
// their settled state so no controller has work to do at start (only interval timers in the shared scheduler).
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { API_VERSION, inventoryId, R } from "../sim/resources";
import { nowTime, type JsonMap } from "../sim/objects";
import { md5Hex } from "../sim/hash";
import { makeArtifact } from "../controllers/source-artifact";
import { createExternalSecret, createRelease } from "./large-objects";
import { artifactStatus, fluxReady } from "./settled";

export interface LargeParams {
  namespaces: number;
  releasesPerNamespace: number;
  podsPerRelease: number;
  kustomizations: number;
  externalSecrets: number;
  workloadsPerRelease: number;
}

export function parseLargeParams(params: Record<string, string>): LargeParams {
  const num = (keys: string[], dflt: number): number => {
    for (const k of keys)
      if (params[k] !== undefined) {
        const n = Number(params[k]);
        if (!Number.isInteger(n) || n < 0)
          throw new Error(`large scenario: ${k} must be a non-negative integer, got "${params[k]}"`);
        return n;
      }
    return dflt;
  };
  return {
    namespaces: num(["namespaces"], 50),
    releasesPerNamespace: num(["releasesPerNamespace", "releases"], 100),
    podsPerRelease: num(["podsPerRelease", "pods"], 4),
    kustomizations: num(["kustomizations"], 5000),
    externalSecrets: num(["externalSecrets"], 2000),
    workloadsPerRelease: num(["workloadsPerRelease"], 2),
  };
}

export function generateLarge(ctx: SimContext, raw: Record<string, string>): LargeParams {
  const p = parseLargeParams(raw);
  const { store } = ctx;
  const create = (key: { group: string; plural: string }, obj: KObject, manager: string): KObject =>
    store.create(key, obj, { fieldManager: manager });
  const revision = ctx.git.head("GitRepository/flux-system/flux-system", "main", "git").revision;
  const gitArtifact = makeArtifact(
    "gitrepository",
    "flux-system",
    "flux-system",
    revision,
    `${revision.slice(-40)}.tar.gz`,
  );
  create(
    R.gitrepositories,
    {
      apiVersion: API_VERSION.source,
      kind: "GitRepository",
      metadata: { name: "flux-system", namespace: "flux-system", finalizers: ["finalizers.fluxcd.io"] },
      spec: { interval: "10m", url: "ssh://git@github.com/acme/fleet.git", ref: { branch: "main" } },
      status: artifactStatus(
        "Succeeded",
        `stored artifact for revision '${revision}'`,
        gitArtifact as unknown as JsonMap,
      ),
    },
    "flux",
  );
  const ociRev = `1.18.0@sha256:${md5Hex("airflow-chart").repeat(2)}`;
  create(
    R.ocirepositories,
    {
      apiVersion: API_VERSION.source,
      kind: "OCIRepository",
      metadata: { name: "airflow-chart", namespace: "flux-system", finalizers: ["finalizers.fluxcd.io"] },
      spec: { interval: "12h", url: "oci://ghcr.io/acme/charts/airflow", ref: { tag: "1.18.0" } },
      status: artifactStatus(
        "Succeeded",
        `stored artifact for digest '${ociRev}'`,
        makeArtifact("ocirepository", "flux-system", "airflow-chart", ociRev, "chart.tar.gz") as unknown as JsonMap,
      ),
    },
    "kustomize-controller",
  );
  ctx.vault.ensureStore("onepassword");
  create(
    R.secrets,
    {
      apiVersion: "v1",
      kind: "Secret",
      type: "Opaque",
      metadata: { name: "onepassword-connect-token", namespace: "external-secrets" },
      data: { token: Buffer.from(`connect-${ctx.rng.alnum(32)}`).toString("base64") },
    },
    "kubectl-create",
  );
  create(
    R.clustersecretstores,
    {
      apiVersion: API_VERSION.eso,
      kind: "ClusterSecretStore",
      metadata: { name: "onepassword" },
      spec: {
        provider: {
          // The CRD requires `auth` (external-secrets.io_clustersecretstores.yaml, OnePasswordProvider.required).
          onepassword: {
            connectHost: "http://onepassword-connect.external-secrets:8080",
            vaults: { production: 1 },
            auth: {
              secretRef: {
                connectTokenSecretRef: { name: "onepassword-connect-token", key: "token", namespace: "external-secrets" },
              },
            },
          },
        },
      },
      status: {
        capabilities: "ReadWrite",
        conditions: [
          { type: "Ready", status: "True", lastTransitionTime: nowTime(), reason: "Valid", message: "store validated" },
        ],
      },
    },
    "kustomize-controller",
  );

  const started = nowTime(new Date(Date.now() - 3 * 3_600_000));
  const releases: KObject[] = [];
  for (let n = 0; n < p.namespaces; n++) {
    const ns = `tenant-${String(n).padStart(3, "0")}`;
    create(
      R.namespaces,
      {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: ns, labels: { "kubernetes.io/metadata.name": ns, tier: "tenant" } },
        status: { phase: "Active" },
      },
      "kustomize-controller",
    );
    for (let r = 0; r < p.releasesPerNamespace; r++) {
      const ks = releases.length < p.kustomizations ? ksName(releases.length) : undefined;
      releases.push(
        createRelease(
          ctx,
          ns,
          `airflow-${String(r).padStart(3, "0")}`,
          p.podsPerRelease,
          p.workloadsPerRelease,
          ks,
          started,
        ),
      );
    }
  }
  for (let k = 0; k < p.kustomizations; k++) {
    const hr = releases.length ? releases[k % releases.length] : undefined;
    const name = ksName(k);
    const contains =
      hr && k < releases.length
        ? [
            {
              apiVersion: hr.apiVersion,
              kind: hr.kind,
              metadata: { name: hr.metadata.name, namespace: hr.metadata.namespace },
              spec: hr.spec,
            },
          ]
        : [];
    ctx.contents.set(`flux-system/${name}`, contains as KObject[]);
    const entries = contains.map((c) => ({
      id: inventoryId(c.metadata.namespace, c.metadata.name, "helm.toolkit.fluxcd.io", "HelmRelease"),
      v: "v2",
    }));
    create(
      R.kustomizations,
      {
        apiVersion: API_VERSION.kustomize,
        kind: "Kustomization",
        metadata: { name, namespace: "flux-system", finalizers: ["finalizers.fluxcd.io"] },
        spec: {
          interval: "10m",
          path: `./tenants/${name}`,
          prune: true,
          sourceRef: { kind: "GitRepository", name: "flux-system" },
        },
        status: {
          ...fluxReady("ReconciliationSucceeded", `Applied revision: ${revision}`),
          lastAppliedRevision: revision,
          lastAttemptedRevision: revision,
          inventory: { entries },
        },
      },
      "flux",
    );
  }
  for (let e = 0; e < p.externalSecrets; e++)
    createExternalSecret(
      ctx,
      `tenant-${String(e % Math.max(1, p.namespaces)).padStart(3, "0")}`,
      `app-credentials-${String(e).padStart(4, "0")}`,
      e,
    );
  return p;
}

function ksName(i: number): string {
  return `apps-${String(i).padStart(4, "0")}`;
}
