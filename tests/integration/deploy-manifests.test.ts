// deploy/: every Kustomize entry point renders with `kubectl kustomize`, and the rendered objects hold together:
// restricted Pod Security on the pod, probes on /api/healthz and /api/readyz, env from the ConfigMap and Secret,
// the ClusterRole grants exactly get/list/watch on the kinds the watch cache holds (lib/kinds/registry.ts) and
// impersonation of exactly the mapped groups, the overlays' database, replicas and rollout settings.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { RESOURCES } from "@/lib/kinds/registry";

const ROOT = path.resolve(__dirname, "../..");

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: unknown;
}

const render = (dir: string): Obj[] =>
  parseAllDocuments(execFileSync("kubectl", ["kustomize", path.join(ROOT, dir)], { encoding: "utf8" }))
    .map((d) => d.toJS() as Obj)
    .filter(Boolean);

const one = (objs: Obj[], kind: string, name?: string) => {
  const found = objs.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  expect(found, `${kind} ${name ?? ""}`).toHaveLength(1);
  return found[0] as Obj & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding"]);
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(["deploy/overlays/single", "deploy/overlays/ha"])("%s", (overlay) => {
  const objs = render(overlay);
  const deployment = one(objs, "Deployment", "fluxtower");
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];

  it("puts every namespaced object in the fluxtower namespace", () => {
    for (const o of objs) if (!CLUSTER_SCOPED.has(o.kind)) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe("fluxtower");
  });

  it("runs the pod under the restricted Pod Security Standard", () => {
    expect(one(objs, "Namespace", "fluxtower").metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.containers).toHaveLength(1);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    // Read-only root: /tmp and /data must be volumes.
    expect(container.volumeMounts.map((m: { mountPath: string }) => m.mountPath).sort()).toEqual(["/data", "/tmp"]);
    expect(pod.serviceAccountName).toBe(one(objs, "ServiceAccount").metadata.name);
  });

  it("probes liveness on /api/healthz and readiness on /api/readyz, with resources set", () => {
    expect(container.livenessProbe.httpGet).toEqual({ path: "/api/healthz", port: "http" });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/api/readyz", port: "http" });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toEqual(expect.any(String));
    expect(container.ports.map((p: { name: string; containerPort: number }) => `${p.name}:${p.containerPort}`)).toEqual(["http:3000", "metrics:9464"]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(25);
  });

  it("takes env from a ConfigMap and a Secret that the overlay renders", () => {
    const refs = container.envFrom as { configMapRef?: { name: string }; secretRef?: { name: string } }[];
    expect(refs.some((r) => r.configMapRef) && refs.some((r) => r.secretRef)).toBe(true);
    for (const r of refs) {
      if (r.configMapRef) one(objs, "ConfigMap", r.configMapRef.name);
      if (r.secretRef) one(objs, "Secret", r.secretRef.name);
    }
    const cm = one(objs, "ConfigMap", "fluxtower").data;
    expect(cm).toMatchObject({ FLUXTOWER_METRICS_HOST: "0.0.0.0", FLUXTOWER_METRICS_PORT: "9464" });
  });

  it("selects the pods from the Service, NetworkPolicy and (ha) PodDisruptionBudget", () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(matches(deployment.spec.selector.matchLabels, labels)).toBe(true);
    expect(matches(one(objs, "Service").spec.selector, labels)).toBe(true);
    const np = one(objs, "NetworkPolicy");
    expect(matches(np.spec.podSelector.matchLabels, labels)).toBe(true);
    expect(np.spec.ingress.flatMap((r: { ports: { port: string }[] }) => r.ports.map((p) => p.port)).sort()).toEqual(["http", "metrics"]);
    for (const pdb of objs.filter((o) => o.kind === "PodDisruptionBudget") as (Obj & Record<string, any>)[]) // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(matches(pdb.spec.selector.matchLabels, labels)).toBe(true);
  });

  it("grants the ServiceAccount exactly the README's ClusterRole", () => {
    const role = one(objs, "ClusterRole", "fluxtower");
    const binding = one(objs, "ClusterRoleBinding", "fluxtower");
    expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "fluxtower" });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "fluxtower", namespace: "fluxtower" }]);
    type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] };
    const rules = role.rules as Rule[];
    const granted = (verbs: string) =>
      rules
        .filter((r) => r.verbs.join(",") === verbs)
        .flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)))
        .sort();
    // Read: exactly the resource types the watch cache lists and watches.
    expect(granted("get,list,watch")).toEqual(RESOURCES.map((r) => `${r.group}/${r.resource}`).sort());
    expect(granted("create")).toEqual(["/events", "authorization.k8s.io/subjectaccessreviews"]);
    expect(rules.every((r) => !r.resources.includes("*") && !r.verbs.includes("*"))).toBe(true);
    const impersonate = rules.filter((r) => r.verbs.includes("impersonate"));
    expect(impersonate.map((r) => r.verbs)).toEqual([["impersonate"], ["impersonate"]]);
    expect(impersonate.find((r) => r.resources.includes("users"))?.resourceNames).toBeUndefined();
    // Groups: exactly the mapped ones, with the default prefix "oidc:" (FLUXTOWER_OIDC_GROUPS_PREFIX unset).
    const cm = one(objs, "ConfigMap", "fluxtower").data as Record<string, string>;
    expect(cm.FLUXTOWER_OIDC_GROUPS_PREFIX).toBeUndefined();
    const mapped = ["FLUXTOWER_ADMIN_GROUPS", "FLUXTOWER_OPERATOR_GROUPS", "FLUXTOWER_VIEWER_GROUPS"]
      .flatMap((k) => (cm[k] ?? "").split(","))
      .map((g) => g.trim())
      .filter(Boolean)
      .map((g) => `oidc:${g}`);
    const groups = impersonate.find((r) => r.resources.includes("groups"));
    expect(groups?.resources).toEqual(["groups"]);
    expect([...(groups?.resourceNames ?? [])].sort()).toEqual(mapped.sort());
    expect(impersonate.flatMap((r) => r.resources).sort()).toEqual(["groups", "users"]);
  });

  if (overlay.endsWith("single")) {
    it("single: one replica on SQLite on a PersistentVolumeClaim, Recreate", () => {
      expect(deployment.spec.replicas).toBe(1);
      expect(deployment.spec.strategy).toEqual({ type: "Recreate" });
      const data = pod.volumes.find((v: { name: string }) => v.name === "data");
      expect(data).toEqual({ name: "data", persistentVolumeClaim: { claimName: "fluxtower-data" } });
      one(objs, "PersistentVolumeClaim", "fluxtower-data");
      const dbRef = container.envFrom.find((r: { configMapRef?: { name: string } }) => r.configMapRef?.name.startsWith("fluxtower-database"));
      expect(one(objs, "ConfigMap", dbRef.configMapRef.name).data.DATABASE_URL).toBe("file:/data/fluxtower.db");
    });
  } else {
    it("ha: two replicas on PostgreSQL from a Secret, a PodDisruptionBudget and topology spread", () => {
      expect(deployment.spec.replicas).toBe(2);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      const dbRef = container.envFrom.find((r: { secretRef?: { name: string } }) => r.secretRef?.name === "fluxtower-database");
      expect(dbRef).toBeDefined();
      expect(one(objs, "Secret", "fluxtower-database").stringData.DATABASE_URL).toMatch(/^postgresql:\/\//);
      expect(one(objs, "PodDisruptionBudget").spec.minAvailable).toBe(1);
      const spread = pod.topologySpreadConstraints as { topologyKey: string; labelSelector: { matchLabels: Record<string, string> } }[];
      expect(spread.map((s) => s.topologyKey)).toContain("kubernetes.io/hostname");
      for (const s of spread) expect(matches(s.labelSelector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    });
  }
});

describe("deploy/flux and deploy/examples", () => {
  it("installs an overlay of this repository with Flux", () => {
    const objs = render("deploy/flux");
    const repo = one(objs, "GitRepository", "fluxtower");
    const ks = one(objs, "Kustomization", "fluxtower");
    expect(ks.apiVersion).toBe("kustomize.toolkit.fluxcd.io/v1");
    expect(ks.spec.sourceRef).toEqual({ kind: "GitRepository", name: repo.metadata.name });
    expect(ks.metadata.namespace).toBe(repo.metadata.namespace);
    expect(existsSync(path.join(ROOT, ks.spec.path, "kustomization.yaml"))).toBe(true);
    expect(ks.spec.prune).toBe(true);
  });

  it("scrapes the pods' metrics port with the PodMonitor and routes the Ingress to the Service", () => {
    const objs = render("deploy/examples");
    const base = render("deploy/overlays/single");
    const pm = one(objs, "PodMonitor", "fluxtower");
    const labels = one(base, "Deployment", "fluxtower").spec.template.metadata.labels;
    expect(matches(pm.spec.selector.matchLabels, labels)).toBe(true);
    expect(pm.spec.podMetricsEndpoints).toEqual([expect.objectContaining({ port: "metrics", path: "/metrics" })]);
    const backend = one(objs, "Ingress", "fluxtower").spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: one(base, "Service", "fluxtower").metadata.name, port: { name: "http" } });
  });
});
