// Any other chart: one Deployment + Service named after the release (grafana gets its admin Secret wiring).
import type { JsonMap } from "../sim/objects";
import { asNumber, asString, getPath } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";
import {
  deployment,
  opaqueSecret,
  secretEnv,
  service,
  type ReleaseRef,
  type Rendered,
  type RenderedObject,
  type SecretValueSource,
} from "./chart-objects";

const IMAGES: Record<string, string> = {
  grafana: "docker.io/grafana/grafana",
  podinfo: "ghcr.io/stefanprodan/podinfo",
  "kube-prometheus-stack": "quay.io/prometheus-operator/prometheus-operator",
};

export function renderGeneric(
  ref: ReleaseRef,
  chart: ChartVersion,
  values: JsonMap,
  secrets: SecretValueSource,
): Rendered {
  const name = ref.release.includes(chart.name) ? ref.release : `${ref.release}-${chart.name}`;
  const labels = {
    "app.kubernetes.io/name": chart.name,
    "app.kubernetes.io/instance": ref.release,
    "app.kubernetes.io/version": chart.appVersion,
    "helm.sh/chart": `${chart.name}-${chart.version}`,
    "app.kubernetes.io/managed-by": "Helm",
  };
  const selector = { "app.kubernetes.io/name": chart.name, "app.kubernetes.io/instance": ref.release };
  const replicas = asNumber(getPath(values, "replicas")) ?? asNumber(getPath(values, "replicaCount")) ?? 1;
  const env: JsonMap[] = [];
  const manifests: RenderedObject[] = [];
  const at = (file: string) => `${chart.name}/templates/${file}`;
  if (chart.name === "grafana") {
    const existing = asString(getPath(values, "admin.existingSecret"));
    const secretName = existing ?? name;
    env.push(
      secretEnv("GF_SECURITY_ADMIN_USER", secretName, asString(getPath(values, "admin.userKey")) ?? "admin-user"),
    );
    env.push(
      secretEnv(
        "GF_SECURITY_ADMIN_PASSWORD",
        secretName,
        asString(getPath(values, "admin.passwordKey")) ?? "admin-password",
      ),
    );
    if (!existing) {
      manifests.push({
        source: at("secret.yaml"),
        object: opaqueSecret(ref, name, labels, {
          "admin-user": "admin",
          "admin-password": secrets.existing(name, "admin-password") ?? secrets.rng.alnum(40),
        }),
      });
    }
  }
  const port = chart.name === "grafana" ? 3000 : 9898;
  const image = `${IMAGES[chart.name] ?? `docker.io/library/${chart.name}`}:${chart.appVersion.replace(/^v?/, chart.name === "kube-prometheus-stack" ? "v" : "")}`;
  const container = {
    name: chart.name,
    image,
    imagePullPolicy: "IfNotPresent",
    env,
    ports: [{ name: "http", containerPort: port }],
    resources: {},
  };
  manifests.push(
    {
      source: at("deployment.yaml"),
      object: deployment(ref, name, labels, selector, replicas, {
        labels: selector,
        spec: { restartPolicy: "Always", serviceAccountName: "default", containers: [container] },
      }),
    },
    { source: at("service.yaml"), object: service(ref, name, labels, selector, [{ name: "http", port }]) },
  );
  return { manifests, hooks: [] };
}
