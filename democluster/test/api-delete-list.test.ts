// HTTP verbs and error codes, part 2: delete (finalizers) and list (selectors, pagination).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import {
  api,
  createHelmRelease,
  createNamespace,
  HR_PATH,
  obj,
  startTestCluster,
  type Api,
} from "./helpers";

let cluster: DemoCluster;
let call: Api;
const NS = "airflow";
const HRS = `${HR_PATH}/namespaces/${NS}/helmreleases`;

beforeAll(async () => {
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, NS);
  await createNamespace(call, "flux-system");
});
afterAll(async () => cluster.stop());

describe("delete", () => {
  it("deletes immediately without finalizers (Status for custom resources, object for built-ins)", async () => {
    await createHelmRelease(call, NS, "del");
    const res = await call("DELETE", `${HRS}/del`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      kind: "Status",
      status: "Success",
      details: { name: "del", kind: "helmreleases" },
    });
    expect((await call("GET", `${HRS}/del`)).status).toBe(404);
    expect((await call("DELETE", `${HRS}/del`)).status).toBe(404);
    await call("POST", `/api/v1/namespaces/${NS}/configmaps`, { body: { metadata: { name: "cm" } } });
    const cm = await call("DELETE", `/api/v1/namespaces/${NS}/configmaps/cm`);
    expect(obj(cm.json).kind).toBe("ConfigMap");
  });

  it("keeps objects with finalizers until the last finalizer is removed by a patch", async () => {
    await createHelmRelease(call, NS, "fin", { metadata: { finalizers: ["finalizers.fluxcd.io"] } });
    const res = await call("DELETE", `${HRS}/fin`);
    expect(res.status).toBe(200);
    expect(obj(res.json).metadata.deletionTimestamp).toBeDefined();
    expect((await call("GET", `${HRS}/fin`)).status).toBe(200);
    const patched = await call("PATCH", `${HRS}/fin`, {
      body: { metadata: { finalizers: null } },
      contentType: "application/merge-patch+json",
    });
    expect(patched.status).toBe(200);
    expect((await call("GET", `${HRS}/fin`)).status).toBe(404);
  });

  it("honours delete preconditions (409) and deletecollection with a selector", async () => {
    const created = obj(await createHelmRelease(call, NS, "pre"));
    const res = await call("DELETE", `${HRS}/pre`, {
      body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: "wrong" } },
    });
    expect(res.status).toBe(409);
    expect(
      (await call("DELETE", `${HRS}/pre`, { body: { preconditions: { uid: created.metadata.uid } } })).status,
    ).toBe(200);
    await createNamespace(call, "bulk");
    for (const n of ["x1", "x2", "y1"])
      await createHelmRelease(call, "bulk", n, { metadata: { labels: { group: n[0] } } });
    const bulk = await call("DELETE", `${HR_PATH}/namespaces/bulk/helmreleases?labelSelector=group%3Dx`);
    expect(bulk.status).toBe(200);
    const left = obj((await call("GET", `${HR_PATH}/namespaces/bulk/helmreleases`)).json);
    expect(left.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["y1"]);
  });

  it("garbage-collects dependents of a deleted owner", async () => {
    const owner = obj(await createHelmRelease(call, NS, "owner"));
    const ref = {
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      name: "owner",
      uid: owner.metadata.uid,
      controller: true,
    };
    await call("POST", `/api/v1/namespaces/${NS}/secrets`, {
      body: { metadata: { name: "owned", ownerReferences: [ref] }, data: {} },
    });
    await call("DELETE", `${HRS}/owner`);
    await new Promise((r) => setTimeout(r, 20));
    expect((await call("GET", `/api/v1/namespaces/${NS}/secrets/owned`)).status).toBe(404);
  });
});

describe("list", () => {
  beforeAll(async () => {
    await createNamespace(call, "sel");
    const labels: Record<string, Record<string, string>> = {
      a: { tier: "airflow", component: "scheduler" },
      b: { tier: "airflow", component: "webserver" },
      c: { tier: "other" },
      d: {},
    };
    for (const [name, l] of Object.entries(labels))
      await createHelmRelease(call, "sel", name, { metadata: { labels: l } });
  });

  async function names(query: string, ns = "sel"): Promise<string[]> {
    const res = await call("GET", `${HR_PATH}/namespaces/${ns}/helmreleases?${query}`);
    expect(res.status).toBe(200);
    return obj(res.json).items.map((i: { metadata: { name: string } }) => i.metadata.name);
  }

  it("returns a typed list with kind, apiVersion and resourceVersion", async () => {
    const res = obj((await call("GET", `${HR_PATH}/namespaces/sel/helmreleases`)).json);
    expect(res.kind).toBe("HelmReleaseList");
    expect(res.apiVersion).toBe("helm.toolkit.fluxcd.io/v2");
    expect(Number(res.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(res.items[0].kind).toBe("HelmRelease");
  });

  it.each([
    ["labelSelector=tier%3Dairflow", ["a", "b"]],
    ["labelSelector=tier%3D%3Dairflow", ["a", "b"]],
    ["labelSelector=tier!%3Dairflow", ["c", "d"]],
    ["labelSelector=component%20in%20(scheduler,worker)", ["a"]],
    ["labelSelector=component%20notin%20(scheduler)", ["b", "c", "d"]],
    ["labelSelector=component", ["a", "b"]],
    ["labelSelector=!component", ["c", "d"]],
    ["labelSelector=tier%3Dairflow,component%3Dwebserver", ["b"]],
    ["fieldSelector=metadata.name%3Dc", ["c"]],
    ["fieldSelector=metadata.name!%3Dc", ["a", "b", "d"]],
    ["fieldSelector=metadata.namespace%3Dsel,metadata.name%3Dd", ["d"]],
  ])("selects with %s", async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it("400 for a malformed label selector", async () => {
    expect((await call("GET", `${HR_PATH}/namespaces/sel/helmreleases?labelSelector=a%20in%20b`)).status).toBe(400);
  });

  it("lists across namespaces and filters by metadata.namespace", async () => {
    await createHelmRelease(call, NS, "listed-elsewhere");
    const all = obj((await call("GET", `${HR_PATH}/helmreleases?fieldSelector=metadata.namespace%3Dsel`)).json);
    expect(all.items).toHaveLength(4);
    const everything = obj((await call("GET", `${HR_PATH}/helmreleases`)).json);
    const namespaces = new Set(everything.items.map((i: { metadata: { namespace: string } }) => i.metadata.namespace));
    expect(namespaces.has("airflow") && namespaces.has("sel")).toBe(true);
  });

  it("paginates with limit and opaque continue tokens", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = obj(
        (
          await call(
            "GET",
            `${HR_PATH}/namespaces/sel/helmreleases?limit=3${token ? `&continue=${encodeURIComponent(token)}` : ""}`,
          )
        ).json,
      );
      seen.push(...res.items.map((i: { metadata: { name: string } }) => i.metadata.name));
      token = res.metadata.continue;
      if (token) expect(res.metadata.remainingItemCount).toBe(1);
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen).toEqual(["a", "b", "c", "d"]);
    expect((await call("GET", `${HR_PATH}/namespaces/sel/helmreleases?continue=garbage`)).status).toBe(400);
  });
});
