// SECURITY.md S3: every Kubernetes call for a user is made as that user, and it is the API server that refuses what
// the user may not do — not only the app's own pre-check. These tests skip the app entirely: they take the app's
// credentials from the stack's kubeconfig and call the demo API server the way lib/k8s/transport.ts does
// (Impersonate-User + one Impersonate-Group line per mapped group). And the app's identity may impersonate only
// the groups the app maps (democluster/auth/policy.yaml, role fluxtower-app, `resourceNames`), never another group,
// a ServiceAccount or a uid.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { kubeGroupsFor } from "@/lib/auth/oidc/role-mapping";
import { create, getObject, kube, lastSeq, requestsSince } from "./actions-helpers";
import { asApp, type Impersonate } from "./security-app-kube";

const ROOT = path.resolve(__dirname, "../..");
const NS = "airflow";
const NAME = `s3-${randomBytes(3).toString("hex")}`;
const OBJ = `/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/gitrepositories/${NAME}`;
const MERGE = "application/merge-patch+json";

/** A harmless write: one annotation of our own. */
const annotate = (value: string) => ({ metadata: { annotations: { "fluxtower.test/s3": value } } });

// Identities exactly as the app sends them (lib/auth/demo-users.ts; OIDC: prefix "oidc:" + mapped groups only).
const viewer: Impersonate = { user: "viewer", groups: ["fluxtower:viewers"] };
const operator: Impersonate = { user: "operator", groups: ["fluxtower:operators"] };
const bob: Impersonate = { user: "oidc:bob", groups: ["oidc:fluxtower-operators"] }; // app role operator, RBAC: view in airflow

beforeAll(async () => {
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } }, { existingOk: true });
  await create(`/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/gitrepositories`, {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "GitRepository",
    metadata: { name: NAME, namespace: NS },
    spec: { url: "https://github.com/acme/s3-test", interval: "10m", ref: { branch: "main" } },
  });
});

afterAll(async () => {
  await kube("DELETE", OBJ);
});

describe("S3: the API server refuses a user's write, whatever the app decided", () => {
  it.each([
    { who: "the demo viewer", as: viewer },
    { who: "bob (app role operator, RBAC view only)", as: bob },
  ])("$who, impersonated by the app's own credentials, may read but the PATCH is a 403 from the cluster", async ({ as }) => {
    const seq = await lastSeq();
    expect((await asApp("GET", OBJ, { impersonate: as })).status).toBe(200);
    const res = await asApp("PATCH", `${OBJ}?fieldManager=fluxtower`, { impersonate: as, body: annotate(as.user), contentType: MERGE });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      `gitrepositories.source.toolkit.fluxcd.io "${NAME}" is forbidden: User "${as.user}" cannot patch resource "gitrepositories" in API group "source.toolkit.fluxcd.io" in the namespace "${NS}"`,
    );
    expect((await getObject(OBJ)).metadata.annotations?.["fluxtower.test/s3"]).toBeUndefined();
    // The cluster saw the app's credentials, the impersonated user and every group, and answered 403 itself.
    const patch = (await requestsSince(seq)).find((r) => r.method === "PATCH" && r.path === OBJ);
    expect(patch).toMatchObject({ user: "fluxtower", impersonatedUser: as.user, status: 403 });
    expect(patch?.impersonatedGroups).toEqual([...(as.groups ?? []), "system:authenticated"]);
  });

  it("the same request as a user who may patch goes through (the refusal above is the user's RBAC, nothing else)", async () => {
    const res = await asApp("PATCH", `${OBJ}?fieldManager=fluxtower`, { impersonate: operator, body: annotate("operator"), contentType: MERGE });
    expect(res.status).toBe(200);
    expect((await getObject(OBJ)).metadata.annotations?.["fluxtower.test/s3"]).toBe("operator");
  });

  it("the app's identity without impersonation may read but never write", async () => {
    expect((await asApp("GET", OBJ)).status).toBe(200);
    const res = await asApp("PATCH", `${OBJ}?fieldManager=fluxtower`, { body: annotate("app"), contentType: MERGE });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('User "fluxtower" cannot patch resource "gitrepositories"');
  });
});

describe("S3: the app's identity may impersonate only the mapped groups", () => {
  it.each([
    { what: "system:masters", as: { user: "operator", groups: ["fluxtower:operators", "system:masters"] }, refused: 'groups "system:masters"' },
    { what: "an unmapped OIDC group", as: { user: "oidc:bob", groups: ["oidc:platform-admins"] }, refused: 'groups "oidc:platform-admins"' },
    { what: "a group without the prefix", as: { user: "oidc:alice", groups: ["fluxtower-admins"] }, refused: 'groups "fluxtower-admins"' },
    { what: "a ServiceAccount", as: { user: "system:serviceaccount:flux-system:kustomize-controller" }, refused: 'serviceaccounts "kustomize-controller"' },
    { what: "a uid", as: { user: "operator", groups: ["fluxtower:operators"], uid: "0" }, refused: 'uids.authentication.k8s.io "0"' },
  ])("impersonating $what is refused by the cluster (403) before anything is read", async ({ as, refused }) => {
    const seq = await lastSeq();
    const res = await asApp("GET", OBJ, { impersonate: as });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain(`${refused} is forbidden: User "fluxtower" cannot impersonate`);
    const logged = (await requestsSince(seq)).find((r) => r.path === OBJ) as { impersonatedUser?: string; status?: number } | undefined;
    expect(logged?.status).toBe(403);
    expect(logged?.impersonatedUser).toBeUndefined();
  });

  it("every group the app maps may be impersonated (demo users and the test stacks' OIDC mapping)", async () => {
    for (const group of mappedGroups()) {
      const res = await asApp("GET", OBJ, { impersonate: { user: "someone", groups: [group] } });
      // Impersonation is allowed; what "someone" may then read is their RBAC (200 or a 403 that names them).
      if (res.status !== 200) expect(res.body.message, group).toContain('User "someone" cannot get');
    }
  });

  it("the demo's RBAC objects say so: the app's role names exactly the mapped groups and no user-wide wildcard", () => {
    const policy = parse(readFileSync(path.join(ROOT, "democluster/auth/policy.yaml"), "utf8")) as {
      roles: Record<string, { rules: Array<{ apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }> }>;
    };
    const impersonation = policy.roles["fluxtower-app"].rules.filter((r) => r.verbs.includes("impersonate") || r.verbs.includes("*"));
    const byResource = Object.fromEntries(impersonation.flatMap((r) => r.resources.map((res) => [res, r])));
    expect(Object.keys(byResource).sort()).toEqual(["groups", "users"]);
    expect(new Set(byResource.groups.resourceNames)).toEqual(new Set([...mappedGroups(), "oidc:unrelated-team"]));
  });
});

/** The groups the app impersonates on the test stacks: demo users' groups, and the OIDC role mapping of start-stack.sh. */
function mappedGroups(): string[] {
  const script = readFileSync(path.join(ROOT, "scripts/start-stack.sh"), "utf8");
  const list = (name: string) => (new RegExp(`${name}=([^\\s"]+)`).exec(script)?.[1] ?? "").split(",").filter(Boolean);
  const map = { admin: list("FLUXTOWER_ADMIN_GROUPS"), operator: list("FLUXTOWER_OPERATOR_GROUPS"), viewer: list("FLUXTOWER_VIEWER_GROUPS") };
  expect(map.admin.length + map.operator.length, "start-stack.sh maps OIDC groups").toBeGreaterThan(0);
  const oidc = kubeGroupsFor([...map.admin, ...map.operator, ...map.viewer], map, "oidc:");
  return [...new Set([...DEMO_USERS.flatMap((u) => u.groups), ...oidc])];
}
