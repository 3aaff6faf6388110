// Authentication (401), impersonation (allowed for admin/fluxtower, 403 otherwise), RBAC denials with
// kubectl-like messages, and SelfSubjectAccessReview / SubjectAccessReview answers.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { api, createHelmRelease, createNamespace, HR_PATH, obj, startTestCluster, type Api } from "./helpers";

let cluster: DemoCluster;
let admin: Api;

beforeAll(async () => {
  cluster = await startTestCluster();
  admin = api(cluster);
  for (const ns of ["airflow", "flux-system", "team-b"]) await createNamespace(admin, ns);
  await createHelmRelease(admin, "airflow", "airflow");
  await createHelmRelease(admin, "team-b", "other");
  await admin("POST", "/api/v1/namespaces/airflow/secrets", {
    body: { metadata: { name: "airflow-metadata" }, data: { connection: "eA==" } },
  });
});
afterAll(async () => cluster.stop());

const HR = `${HR_PATH}/namespaces/airflow/helmreleases/airflow`;
const MERGE = "application/merge-patch+json";

describe("authentication", () => {
  it("401 without a token or with an unknown token", async () => {
    for (const token of [null, "nope"]) {
      const res = await admin("GET", "/api/v1/namespaces", { token });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    }
  });

  it("/version is open, discovery needs a token", async () => {
    expect((await admin("GET", "/version", { token: null })).status).toBe(200);
    expect((await admin("GET", "/apis", { token: null })).status).toBe(401);
  });
});

describe("RBAC", () => {
  it("viewer may read Flux objects in airflow but not patch them", async () => {
    const viewer = api(cluster, "viewer");
    expect((await viewer("GET", HR)).status).toBe(200);
    const res = await viewer("PATCH", HR, { body: { spec: { suspend: true } }, contentType: MERGE });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      kind: "Status",
      reason: "Forbidden",
      code: 403,
      message:
        'helmreleases.helm.toolkit.fluxcd.io "airflow" is forbidden: User "viewer" cannot patch resource "helmreleases" in API group "helm.toolkit.fluxcd.io" in the namespace "airflow"',
      details: { name: "airflow", group: "helm.toolkit.fluxcd.io", kind: "helmreleases" },
    });
  });

  it("viewer is limited to airflow and flux-system", async () => {
    const viewer = api(cluster, "viewer");
    expect((await viewer("GET", `${HR_PATH}/namespaces/flux-system/helmreleases`)).status).toBe(200);
    const other = await viewer("GET", `${HR_PATH}/namespaces/team-b/helmreleases`);
    expect(other.status).toBe(403);
    expect(obj(other.json).message).toBe(
      'helmreleases.helm.toolkit.fluxcd.io is forbidden: User "viewer" cannot list resource "helmreleases" in API group "helm.toolkit.fluxcd.io" in the namespace "team-b"',
    );
    const clusterWide = await viewer("GET", `${HR_PATH}/helmreleases`);
    expect(clusterWide.status).toBe(403);
    expect(obj(clusterWide.json).message).toContain("at the cluster scope");
  });

  it("viewer cannot read secrets, even in airflow", async () => {
    const viewer = api(cluster, "viewer");
    const res = await viewer("GET", "/api/v1/namespaces/airflow/secrets/airflow-metadata");
    expect(res.status).toBe(403);
    expect(obj(res.json).message).toBe(
      'secrets "airflow-metadata" is forbidden: User "viewer" cannot get resource "secrets" in API group "" in the namespace "airflow"',
    );
    expect((await viewer("GET", "/api/v1/namespaces/airflow/secrets")).status).toBe(403);
  });

  it("operator may read secrets and patch anywhere, but not impersonate", async () => {
    const operator = api(cluster, "operator");
    expect((await operator("GET", "/api/v1/namespaces/airflow/secrets/airflow-metadata")).status).toBe(200);
    expect(
      (
        await operator("PATCH", `${HR_PATH}/namespaces/team-b/helmreleases/other`, {
          body: { spec: { suspend: true } },
          contentType: MERGE,
        })
      ).status,
    ).toBe(200);
    const res = await operator("GET", "/api/v1/namespaces", { headers: { "Impersonate-User": "admin" } });
    expect(res.status).toBe(403);
    expect(obj(res.json).message).toBe(
      'users "admin" is forbidden: User "operator" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  it("fluxtower may list and watch everything (including secrets) but not write as itself", async () => {
    const app = api(cluster, "fluxtower");
    expect((await app("GET", "/api/v1/secrets")).status).toBe(200);
    expect((await app("GET", `${HR_PATH}/helmreleases?watch=1&timeoutSeconds=1`)).status).toBe(200);
    expect((await app("PATCH", HR, { body: { spec: { suspend: true } }, contentType: MERGE })).status).toBe(403);
  });
});

describe("impersonation", () => {
  it("fluxtower impersonating a viewer is authorized as that viewer", async () => {
    const app = api(cluster, "fluxtower");
    const headers = { "Impersonate-User": "alice@example.com", "Impersonate-Group": "fluxtower:viewers" };
    expect((await app("GET", HR, { headers })).status).toBe(200);
    const res = await app("PATCH", HR, { body: { spec: { suspend: true } }, contentType: MERGE, headers });
    expect(res.status).toBe(403);
    expect(obj(res.json).message).toContain('User "alice@example.com" cannot patch resource "helmreleases"');
    expect((await app("GET", "/api/v1/namespaces/airflow/secrets/airflow-metadata", { headers })).status).toBe(403);
  });

  /** A PATCH as fluxtower with repeated header lines (node:http sends each array value as its own line). */
  function rawPatch(headers: Record<string, string | string[]>, annotation: string): Promise<{ status: number; message: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${cluster.url}${HR}?fieldManager=fluxtower`, {
        method: "PATCH",
        headers: { Authorization: `Bearer ${cluster.tokens.fluxtower}`, "Content-Type": MERGE, ...headers },
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const message = res.statusCode === 200 ? "" : String((JSON.parse(text) as { message?: string }).message);
          resolve({ status: res.statusCode ?? 0, message });
        });
      });
      req.on("error", reject);
      req.end(JSON.stringify({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": annotation } } }));
    });
  }

  async function loggedRequests(): Promise<Record<string, unknown>[]> {
    const log = await fetch(`${cluster.url}/__demo/requests?since=0`, {
      headers: { Authorization: `Bearer ${cluster.controlToken}` },
    });
    return obj(await log.json()).requests as Record<string, unknown>[];
  }

  it("repeated Impersonate-Group headers are all honoured", async () => {
    // Like Go clients; fetch would join them into one comma-separated line.
    const { status } = await rawPatch({ "Impersonate-User": "bob", "Impersonate-Group": ["fluxtower:viewers", "fluxtower:operators"] }, "t-bob");
    expect(status).toBe(200);
    const mine = (await loggedRequests()).filter((e) => e.impersonatedUser === "bob").at(-1);
    expect(mine).toMatchObject({ user: "fluxtower", impersonatedUser: "bob", fieldManager: "fluxtower", status: 200 });
    expect(mine?.impersonationHeaders).toEqual({ user: "bob", groups: ["fluxtower:viewers", "fluxtower:operators"] });
    expect(mine?.impersonatedGroups).toEqual(["fluxtower:viewers", "fluxtower:operators", "system:authenticated"]);
  });

  it.each<{ what: string; headers: Record<string, string | string[]>; message: string }>([
    {
      what: "a group the app does not map",
      headers: { "Impersonate-User": "mallory", "Impersonate-Group": ["fluxtower:operators", "system:masters"] },
      message: 'groups "system:masters" is forbidden: User "fluxtower" cannot impersonate resource "groups" in API group "" at the cluster scope',
    },
    {
      what: "one comma-joined header line (not a mapped group name)",
      headers: { "Impersonate-User": "mallory", "Impersonate-Group": "fluxtower:viewers, fluxtower:operators" },
      message: 'groups "fluxtower:viewers, fluxtower:operators" is forbidden',
    },
    {
      what: "a ServiceAccount",
      headers: { "Impersonate-User": "system:serviceaccount:flux-system:helm-controller" },
      message: 'serviceaccounts "helm-controller" is forbidden: User "fluxtower" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "flux-system"',
    },
    {
      what: "a uid",
      headers: { "Impersonate-User": "mallory", "Impersonate-Uid": "1234" },
      message: 'uids.authentication.k8s.io "1234" is forbidden',
    },
    {
      what: "an extra field",
      headers: { "Impersonate-User": "mallory", "Impersonate-Extra-Scopes": "view" },
      message: 'userextras.authentication.k8s.io "view" is forbidden: User "fluxtower" cannot impersonate resource "userextras/scopes"',
    },
  ])("the app identity may not impersonate $what (403, logged with the headers it sent)", async ({ headers, message }) => {
    const res = await rawPatch(headers, "t-mallory");
    expect(res.status).toBe(403);
    expect(res.message).toContain(message);
    const last = (await loggedRequests()).filter((e) => e.method === "PATCH" && e.user === "fluxtower").at(-1);
    expect(last).toMatchObject({ status: 403, impersonationHeaders: expect.objectContaining({ user: headers["Impersonate-User"] as string }) });
    expect(last?.impersonatedUser).toBeUndefined();
  });

  it("a cluster admin (rules on *) may impersonate any group, a ServiceAccount and a uid", async () => {
    const headers = { "Impersonate-User": "system:serviceaccount:flux-system:helm-controller", "Impersonate-Group": "system:masters", "Impersonate-Uid": "1234" };
    // Impersonation is allowed; the impersonated identity itself has no binding here, so RBAC refuses the read AS IT.
    const res = await admin("GET", HR, { headers });
    expect(res.status).toBe(403);
    expect(obj(res.json).message).toContain('User "system:serviceaccount:flux-system:helm-controller" cannot get resource "helmreleases"');
  });

  it("admin may impersonate; viewer may not", async () => {
    expect((await admin("GET", "/api/v1/namespaces", { headers: { "Impersonate-User": "viewer" } })).status).toBe(403); // viewer can't list namespaces
    const viewer = api(cluster, "viewer");
    const res = await viewer("GET", HR, { headers: { "Impersonate-User": "admin" } });
    expect(res.status).toBe(403);
  });

  it("impersonating groups without a user is a 400", async () => {
    expect((await admin("GET", HR, { headers: { "Impersonate-Group": "fluxtower:admins" } })).status).toBe(400);
  });
});

describe("access reviews", () => {
  async function ssar(
    user: "admin" | "operator" | "viewer" | "fluxtower",
    attrs: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const res = await api(cluster, user)("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", {
      body: {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SelfSubjectAccessReview",
        spec: { resourceAttributes: attrs },
      },
      headers,
    });
    expect(res.status).toBe(201);
    return obj(res.json);
  }

  it("SelfSubjectAccessReview answers for the caller", async () => {
    const patch = {
      verb: "patch",
      group: "helm.toolkit.fluxcd.io",
      resource: "helmreleases",
      namespace: "airflow",
      name: "airflow",
    };
    expect((await ssar("viewer", patch)).status).toEqual({ allowed: false });
    const op = await ssar("operator", patch);
    expect(op.status.allowed).toBe(true);
    expect(op.status.reason).toContain('ClusterRole "edit"');
    expect(op.kind).toBe("SelfSubjectAccessReview");
    expect((await ssar("operator", { ...patch, verb: "reconcile" })).status.allowed).toBe(true);
    expect(
      (
        await ssar("operator", {
          verb: "reconcile",
          group: "external-secrets.io",
          resource: "externalsecrets",
          namespace: "airflow",
        })
      ).status.allowed,
    ).toBe(false);
    expect(
      (await ssar("viewer", { verb: "get", group: "", resource: "pods", subresource: "log", namespace: "airflow" }))
        .status.allowed,
    ).toBe(true);
  });

  it("SelfSubjectAccessReview uses the impersonated identity", async () => {
    const headers = { "Impersonate-User": "carol", "Impersonate-Group": "fluxtower:operators" };
    const res = await ssar(
      "fluxtower",
      { verb: "suspend", group: "helm.toolkit.fluxcd.io", resource: "helmreleases", namespace: "airflow" },
      headers,
    );
    expect(res.status.allowed).toBe(true);
  });

  it("SubjectAccessReview is for admin/fluxtower only and evaluates spec.user/groups", async () => {
    const body = {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SubjectAccessReview",
      spec: {
        user: "dave",
        groups: ["fluxtower:viewers"],
        resourceAttributes: { verb: "get", group: "", resource: "secrets", namespace: "airflow" },
      },
    };
    const app = await api(cluster, "fluxtower")("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", { body });
    expect(app.status).toBe(201);
    expect(obj(app.json).status.allowed).toBe(false);
    const allowed = await admin("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", {
      body: { ...body, spec: { ...body.spec, groups: ["fluxtower:operators"] } },
    });
    expect(obj(allowed.json).status.allowed).toBe(true);
    const denied = await api(cluster, "operator")("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", {
      body,
    });
    expect(denied.status).toBe(403);
  });

  it("400 when the review has no attributes", async () => {
    const res = await admin("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { body: { spec: {} } });
    expect(res.status).toBe(400);
  });
});
