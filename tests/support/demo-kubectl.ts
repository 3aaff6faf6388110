// The real kubectl against the demo cluster, shared by the integration tests (vitest) and the browser tests
// (Playwright): only node built-ins here, so both runners load it. The kubeconfig is the test stack's
// (`$FLUXTOWER_TEST_DEMO_DIR/kubeconfig`, admin context by default).
import { execFileSync } from "node:child_process";
import path from "node:path";

function kubeconfig(): string {
  const dir = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";
  if (!dir) throw new Error("kubectl needs the demo cluster (FLUXTOWER_TEST_DEMO_DIR), started by scripts/test.sh");
  return path.join(dir, "kubeconfig");
}

/** Runs kubectl and returns its stdout; throws with kubectl's stderr on a non-zero exit. */
export function kubectl(...args: string[]): string {
  return execFileSync("kubectl", ["--kubeconfig", kubeconfig(), ...args], {
    encoding: "utf8",
    timeout: 20_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** `kubectl scale deployment` (the deployments/scale subresource). */
export function scaleDeployment(namespace: string, name: string, replicas: number): void {
  kubectl("-n", namespace, "scale", "deployment", name, `--replicas=${replicas}`);
}

/** The scheduler Deployment of the scenario's airflow/airflow release, found by the chart's labels. */
export function schedulerDeployment(): string {
  const out = kubectl("-n", "airflow", "get", "deployments", "-l", "tier=airflow,component=scheduler,release=airflow", "-o", "name").trim();
  if (!out) throw new Error("no scheduler deployment found by the labels tier=airflow,component=scheduler,release=airflow");
  return out.split("\n")[0].replace(/^deployment\.apps\//, "");
}

/** Merges `values` into spec.values of the airflow/airflow HelmRelease (as a person editing it would). */
export function patchReleaseValues(values: Record<string, unknown>): void {
  kubectl("-n", "airflow", "patch", "helmrelease", "airflow", "--type", "merge", "-p", JSON.stringify({ spec: { values } }));
}
