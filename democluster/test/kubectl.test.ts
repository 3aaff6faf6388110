// Round trip with the real kubectl (/usr/bin/kubectl) and the written kubeconfig: get (incl. -A with printer
// columns), describe, annotate --overwrite, label, patch --type merge/json, delete, RBAC errors, and get -w.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { api, createHelmRelease, createNamespace, HR_PATH, startTestCluster, type Api } from "./helpers";

const run = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const HR = { group: "helm.toolkit.fluxcd.io", plural: "helmreleases" };

let cluster: DemoCluster;
let call: Api;
let cacheDir: string;

function args(extra: string[], context = "demo-admin"): string[] {
  return ["--kubeconfig", cluster.kubeconfigPath, "--context", context, "--cache-dir", cacheDir, ...extra];
}

async function kubectl(extra: string[], context?: string): Promise<string> {
  const { stdout } = await run(KUBECTL, args(extra, context), { timeout: 20_000 });
  return stdout;
}

async function kubectlFails(extra: string[], context?: string): Promise<string> {
  try {
    await run(KUBECTL, args(extra, context), { timeout: 20_000 });
  } catch (err) {
    return String((err as { stderr?: string }).stderr);
  }
  throw new Error(`kubectl ${extra.join(" ")} unexpectedly succeeded`);
}

beforeAll(async () => {
  expect(fs.existsSync(KUBECTL)).toBe(true);
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "kubectl-cache-"));
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, "airflow");
  await createNamespace(call, "flux-system");
  await createHelmRelease(call, "airflow", "airflow");
  await call("PATCH", `${HR_PATH}/namespaces/airflow/helmreleases/airflow/status`, {
    body: {
      status: {
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "InstallSucceeded",
            message: "Helm install succeeded for release airflow/airflow.v1",
            lastTransitionTime: "2024-05-01T10:00:00Z", // required by the CRD
          },
        ],
      },
    },
    contentType: "application/merge-patch+json",
  });
});
afterAll(async () => {
  await cluster.stop();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe("kubectl round trip", () => {
  it("get helmreleases -A shows the CRD printer columns", async () => {
    const out = await kubectl(["get", "helmreleases", "-A"]);
    const lines = out.trim().split("\n");
    expect(lines[0]?.split(/\s{2,}/)).toEqual(["NAMESPACE", "NAME", "AGE", "READY", "STATUS"]);
    expect(lines[1]).toMatch(
      /^airflow\s+airflow\s+\d+s\s+True\s+Helm install succeeded for release airflow\/airflow\.v1$/,
    );
  });

  it("get by short name, as yaml and with jsonpath", async () => {
    expect(await kubectl(["get", "hr", "-n", "airflow", "airflow", "-o", "jsonpath={.spec.interval}"])).toBe("5m");
    const yaml = await kubectl(["get", "namespaces", "-o", "yaml"]);
    expect(yaml).toContain("name: airflow");
  });

  it("describe", async () => {
    const out = await kubectl(["describe", "helmrelease", "-n", "airflow", "airflow"]);
    expect(out).toMatch(/^Name:\s+airflow$/m);
    expect(out).toMatch(/^Namespace:\s+airflow$/m);
    expect(out).toContain("API Version:  helm.toolkit.fluxcd.io/v2");
    expect(out).toContain("Helm install succeeded");
  });

  it("annotate --overwrite records kubectl-annotate as field manager", async () => {
    const out = await kubectl([
      "annotate",
      "--overwrite",
      "helmrelease",
      "-n",
      "airflow",
      "airflow",
      "reconcile.fluxcd.io/requestedAt=2024-07-01T00:00:00Z",
    ]);
    expect(out).toContain("helmrelease.helm.toolkit.fluxcd.io/airflow annotated");
    await kubectl([
      "annotate",
      "--overwrite",
      "helmrelease",
      "-n",
      "airflow",
      "airflow",
      "reconcile.fluxcd.io/requestedAt=2024-07-02T00:00:00Z",
    ]);
    const stored = cluster.store.get(HR, "airflow", "airflow");
    expect(stored?.metadata.annotations?.["reconcile.fluxcd.io/requestedAt"]).toBe("2024-07-02T00:00:00Z");
    const entry = stored?.metadata.managedFields?.find((m) => m.manager === "kubectl-annotate");
    expect(entry?.fieldsV1).toEqual({ "f:metadata": { "f:annotations": { "f:reconcile.fluxcd.io/requestedAt": {} } } });
  });

  it("label", async () => {
    expect(await kubectl(["label", "hr", "-n", "airflow", "airflow", "team=data"])).toContain("labeled");
    expect(cluster.store.get(HR, "airflow", "airflow")?.metadata.labels).toEqual({ team: "data" });
    expect(await kubectl(["get", "hr", "-A", "-l", "team=data", "-o", "name"])).toBe(
      "helmrelease.helm.toolkit.fluxcd.io/airflow\n",
    );
  });

  it("patch --type merge and --type json", async () => {
    expect(
      await kubectl(["patch", "hr", "-n", "airflow", "airflow", "--type", "merge", "-p", '{"spec":{"suspend":true}}']),
    ).toContain("patched");
    await kubectl([
      "patch",
      "hr",
      "-n",
      "airflow",
      "airflow",
      "--type",
      "json",
      "-p",
      '[{"op":"replace","path":"/spec/interval","value":"10m"}]',
    ]);
    const stored = cluster.store.get(HR, "airflow", "airflow");
    expect(stored?.spec).toMatchObject({ suspend: true, interval: "10m" });
    expect(stored?.metadata.generation).toBe(3);
  });

  it("shows RBAC denials as kubectl errors", async () => {
    const err = await kubectlFails(["annotate", "--overwrite", "hr", "-n", "airflow", "airflow", "x=y"], "demo-viewer");
    expect(err).toContain(
      'Error from server (Forbidden): helmreleases.helm.toolkit.fluxcd.io "airflow" is forbidden: User "viewer" cannot patch resource "helmreleases" in API group "helm.toolkit.fluxcd.io" in the namespace "airflow"',
    );
    expect(await kubectlFails(["get", "secrets", "-n", "airflow"], "demo-viewer")).toContain("(Forbidden)");
    expect(
      await kubectl(
        ["auth", "can-i", "reconcile", "helmreleases.helm.toolkit.fluxcd.io", "-n", "airflow"],
        "demo-operator",
      ),
    ).toBe("yes\n");
  });

  it("create namespace/secret/configmap and auth can-i (protobuf request bodies)", async () => {
    expect(await kubectl(["create", "namespace", "team-c"])).toBe("namespace/team-c created\n");
    await kubectl([
      "create",
      "secret",
      "generic",
      "airflow-metadata",
      "-n",
      "team-c",
      "--from-literal=connection=postgresql://x",
    ]);
    await kubectl(["create", "configmap", "settings", "-n", "team-c", "--from-literal=a=b"]);
    const secret = cluster.store.get({ group: "", plural: "secrets" }, "team-c", "airflow-metadata");
    expect(secret?.data).toEqual({ connection: Buffer.from("postgresql://x").toString("base64") });
    expect(secret?.type).toBe("Opaque");
    expect(cluster.store.get({ group: "", plural: "configmaps" }, "team-c", "settings")?.data).toEqual({ a: "b" });
    expect(
      await kubectl(["auth", "can-i", "get", "secrets", "-n", "airflow"], "demo-viewer").catch(
        (e: { stdout?: string }) => e.stdout,
      ),
    ).toBe("no\n");
    expect(await kubectl(["auth", "can-i", "patch", "helmreleases", "-n", "airflow"], "demo-operator")).toBe("yes\n");
  });

  it("apply -f creates and then updates (server-side field validation via /openapi/v3)", async () => {
    const file = path.join(cacheDir, "apply.yaml");
    const manifest = (interval: string) => `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: ${interval}
  url: https://github.com/example/fleet
  ref: {branch: main}
`;
    fs.writeFileSync(file, manifest("1m"));
    expect(await kubectl(["apply", "-f", file])).toContain(
      "gitrepository.source.toolkit.fluxcd.io/flux-system created",
    );
    fs.writeFileSync(file, manifest("2m"));
    expect(await kubectl(["apply", "-f", file])).toContain("configured");
    const repo = cluster.store.get(
      { group: "source.toolkit.fluxcd.io", plural: "gitrepositories" },
      "flux-system",
      "flux-system",
    );
    expect(repo?.spec.interval).toBe("2m");
    expect(repo?.metadata.generation).toBe(2);
    expect(await kubectl(["get", "gitrepo", "-n", "flux-system"])).toMatch(
      /^NAME\s+URL\s+AGE\s+READY\s+STATUS\nflux-system\s+https:\/\/github.com\/example\/fleet\s+\d+s\s*\n$/,
    );
  });

  it("scale through the deployments/scale subresource (and the Scale object it serves)", async () => {
    const dep = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "airflow" },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "web", tier: "front" } },
        template: { metadata: { labels: { app: "web", tier: "front" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
      },
    };
    expect((await call("POST", "/apis/apps/v1/namespaces/airflow/deployments", { body: dep })).status).toBe(201);
    expect(await kubectl(["scale", "deployment/web", "-n", "airflow", "--replicas=3"])).toContain("deployment.apps/web scaled");
    const scale = JSON.parse(await kubectl(["get", "--raw", "/apis/apps/v1/namespaces/airflow/deployments/web/scale"])) as {
      kind: string;
      spec: { replicas: number };
      status: { selector: string };
    };
    expect(scale).toMatchObject({ kind: "Scale", spec: { replicas: 3 }, status: { selector: "app=web,tier=front" } });
    expect(await kubectl(["get", "deployment", "web", "-n", "airflow", "-o", "jsonpath={.spec.replicas}"])).toBe("3");
    expect(await kubectlFails(["scale", "deployment/web", "-n", "airflow", "--current-replicas=2", "--replicas=1"])).toContain(
      "Expected replicas to be 2, was 3",
    );
    expect(await kubectlFails(["scale", "deployment/web", "-n", "airflow", "--replicas=2"], "demo-viewer")).toContain("forbidden");
  });

  it("get -w prints a line for a change", async () => {
    const child = spawn(KUBECTL, args(["get", "hr", "-n", "airflow", "-w"]), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const waitFor = async (re: RegExp): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!re.test(out)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${re} in:\n${out}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(/^airflow\s/m);
      await createHelmRelease(call, "airflow", "watched");
      await waitFor(/^watched\s/m);
      await call("PATCH", `${HR_PATH}/namespaces/airflow/helmreleases/watched/status`, {
        body: {
          status: {
            conditions: [
              {
                type: "Ready",
                status: "False",
                reason: "InstallFailed",
                message: "install retries exhausted",
                lastTransitionTime: "2024-05-01T10:00:00Z",
              },
            ],
          },
        },
        contentType: "application/merge-patch+json",
      });
      await waitFor(/^watched\s+\S+\s+False\s+install retries exhausted$/m);
      expect(out.split("\n").filter((l) => l.startsWith("NAME")).length).toBe(1);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("delete", async () => {
    expect(await kubectl(["delete", "hr", "-n", "airflow", "airflow"])).toContain(
      'helmrelease.helm.toolkit.fluxcd.io "airflow" deleted',
    );
    expect(cluster.store.get(HR, "airflow", "airflow")).toBeUndefined();
    expect(await kubectlFails(["get", "hr", "-n", "airflow", "airflow"])).toContain(
      'Error from server (NotFound): helmreleases.helm.toolkit.fluxcd.io "airflow" not found',
    );
  });
});
