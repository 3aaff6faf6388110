// The demo cluster as the benchmark sees it: its https API (the CA from server.json, tokens from the kubeconfigs
// it wrote) and its /__demo control endpoints.
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { lineSplitter, openStream, request, type HttpResponse, type OpenStream } from "./http-client";

const ServerJson = z.object({ url: z.string(), httpsUrl: z.string(), controlToken: z.string(), caFile: z.string() });
const Kubeconfig = z.object({ users: z.array(z.object({ name: z.string(), user: z.object({ token: z.string() }) })) });

export interface DemoCluster {
  url: string;
  httpsUrl: string;
  controlToken: string;
  ca: string;
  adminToken: string;
  appToken: string;
}

function tokenOf(file: string, user: string): string {
  const cfg = Kubeconfig.parse(parseYaml(fs.readFileSync(file, "utf8")));
  const entry = cfg.users.find((u) => u.name === user);
  if (!entry) throw new Error(`${file}: no user "${user}"`);
  return entry.user.token;
}

export function loadDemoCluster(stackDir: string): DemoCluster {
  const server = ServerJson.parse(JSON.parse(fs.readFileSync(path.join(stackDir, "server.json"), "utf8")));
  return {
    url: server.url,
    httpsUrl: server.httpsUrl,
    controlToken: server.controlToken,
    ca: fs.readFileSync(path.resolve(stackDir, server.caFile), "utf8"),
    adminToken: tokenOf(path.join(stackDir, "kubeconfig"), "admin"),
    appToken: tokenOf(path.join(stackDir, "fluxtower.kubeconfig"), "fluxtower"),
  };
}

const ListPage = z.object({
  metadata: z.object({ resourceVersion: z.string().optional(), continue: z.string().optional() }).optional(),
  items: z.array(z.unknown()).nullish(),
});

export interface ListResult {
  items: number;
  bytes: number;
  pages: number;
  ms: number;
  resourceVersion: string | undefined;
}

export class KubeClient {
  constructor(
    private readonly demo: DemoCluster,
    private readonly token: string,
  ) {}

  async call(method: string, apiPath: string, body?: unknown, contentType = "application/json"): Promise<HttpResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = contentType;
    return request(`${this.demo.httpsUrl}${apiPath}`, {
      method,
      headers,
      ca: this.demo.ca,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** A paged LIST (limit per page), parsed like a client would; timed from the first request to the last byte. */
  async listAll(collection: string, limit = 500): Promise<ListResult> {
    const started = performance.now();
    let cont: string | undefined;
    let items = 0;
    let bytes = 0;
    let pages = 0;
    let resourceVersion: string | undefined;
    do {
      const q = new URLSearchParams({ limit: String(limit) });
      if (cont) q.set("continue", cont);
      const res = await this.call("GET", `${collection}?${q.toString()}`);
      if (res.status === 404) break; // type not served (e.g. a CRD the scenario does not install)
      if (res.status !== 200)
        throw new Error(`LIST ${collection}: HTTP ${res.status} ${res.body.toString("utf8", 0, 200)}`);
      const page = ListPage.parse(JSON.parse(res.body.toString("utf8")));
      items += page.items?.length ?? 0;
      bytes += res.body.length;
      pages += 1;
      resourceVersion = page.metadata?.resourceVersion;
      cont = page.metadata?.continue || undefined;
    } while (cont);
    return { items, bytes, pages, ms: performance.now() - started, resourceVersion };
  }

  /** Opens a watch; every event line is handed over already parsed, with its arrival time. */
  watch(
    collection: string,
    query: Record<string, string>,
    onEvent: (ev: WatchEvent, at: number) => void,
  ): Promise<OpenStream> {
    const q = new URLSearchParams({ watch: "1", allowWatchBookmarks: "true", ...query });
    return openStream(
      `${this.demo.httpsUrl}${collection}?${q.toString()}`,
      { headers: { authorization: `Bearer ${this.token}` }, ca: this.demo.ca },
      lineSplitter((line) => {
        const at = performance.now();
        const parsed = WatchEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) onEvent(parsed.data, at);
      }),
    );
  }
}

const WatchObject = z.object({
  metadata: z.object({
    name: z.string().optional(),
    namespace: z.string().optional(),
    resourceVersion: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  status: z.object({ lastHandledReconcileAt: z.string().optional() }).loose().optional(),
});
const WatchEventSchema = z.object({ type: z.string(), object: WatchObject.loose() });
export type WatchEvent = z.infer<typeof WatchEventSchema>;

/** GET/POST on the demo cluster's /__demo control endpoints. */
export async function control<T extends z.ZodType>(demo: DemoCluster, apiPath: string, schema: T): Promise<z.infer<T>> {
  const res = await request(`${demo.url}/__demo${apiPath}`, {
    headers: { authorization: `Bearer ${demo.controlToken}` },
  });
  if (res.status !== 200) throw new Error(`/__demo${apiPath}: HTTP ${res.status} ${res.body.toString("utf8", 0, 200)}`);
  return schema.parse(JSON.parse(res.body.toString("utf8")));
}

export const WatchesSchema = z.object({
  total: z.number(),
  byUser: z.record(z.string(), z.number()),
  watches: z.array(z.object({ user: z.string(), resource: z.string(), count: z.number() }).loose()),
});

export const StateSchema = z
  .object({
    objects: z.record(z.string(), z.number()),
    openWatches: z.number(),
    simulation: z.object({ timeScale: z.number().optional(), loadMs: z.number().optional() }).loose().nullable(),
  })
  .loose();
