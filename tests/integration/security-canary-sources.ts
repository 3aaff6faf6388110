// What the canary test reads: every JSON endpoint, every object's detail, logs, pages — as a list of labelled
// fetches against the running app, built from what the API itself lists.
import { APP_URL } from "./harness";

export interface Probe {
  label: string;
  body: string;
}

export type Get = (p: string) => Promise<Response>;

interface ListItem {
  resource: string;
  namespace?: string | null;
  name: string;
}

/** Base64 fragments that appear in ANY base64 text containing `value` (at each of the three alignments). */
export function base64Fragments(value: string): string[] {
  return [0, 1, 2].map((pad) => {
    const encoded = Buffer.from("x".repeat(pad) + value).toString("base64");
    const skip = Math.ceil((pad * 4) / 3) + 1;
    return encoded.slice(skip, encoded.length - 4);
  });
}

export async function collect(get: Get, paths: string[]): Promise<Probe[]> {
  const out: Probe[] = [];
  for (const p of paths) {
    const res = await get(p);
    out.push({ label: `${res.status} GET ${p}`, body: await res.text() });
  }
  return out;
}

/** Every listed object of the cluster, and the API paths that show it. */
export async function objectPaths(get: Get): Promise<{ items: ListItem[]; paths: string[]; pages: string[] }> {
  const list = (await (await get("/api/v1/clusters/demo/resources")).json()) as { items: ListItem[] };
  const secrets = (await (await get("/api/v1/clusters/demo/resources?resource=secrets")).json()) as { items: ListItem[] };
  const items = [...list.items, ...secrets.items.filter((s) => !list.items.some((i) => i.resource === "secrets" && i.name === s.name && i.namespace === s.namespace))];
  const kinds = [...new Set(items.map((i) => i.resource))];
  const paths = kinds.map((k) => `/api/v1/clusters/demo/resources?resource=${k}`);
  const pages: string[] = kinds.map((k) => `/clusters/demo/${k}`);
  for (const i of items) {
    const ns = i.namespace ?? "_";
    paths.push(`/api/v1/clusters/demo/resources/${i.resource}/${ns}/${i.name}`);
    paths.push(`/api/v1/clusters/demo/permissions?resource=${i.resource}&namespace=${ns}&name=${i.name}`);
    if (["secrets", "externalsecrets", "helmreleases", "pods", "kustomizations", "deployments", "statefulsets"].includes(i.resource)) {
      pages.push(`/clusters/demo/${i.resource}/${ns}/${i.name}`);
    }
    if (i.resource === "pods" && i.namespace === "airflow") paths.push(`/api/v1/clusters/demo/logs/airflow/${i.name}?tailLines=2000`);
  }
  return { items, paths, pages };
}

/** The change feed for `ms` milliseconds. */
export async function streamFor(cookie: string, ms: number): Promise<Probe> {
  return sseFor(cookie, "/api/v1/stream?cluster=demo", ms);
}

/** Any SSE endpoint of the app for `ms` milliseconds (e.g. the checklist feed). */
export async function sseFor(cookie: string, endpoint: string, ms: number): Promise<Probe> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  let text = "";
  try {
    const res = await fetch(new URL(endpoint, APP_URL), { headers: { cookie }, signal: controller.signal });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (err) {
    if (!(err instanceof Error && err.name === "AbortError")) throw err;
  } finally {
    clearTimeout(timer);
  }
  return { label: `SSE ${endpoint} for ${ms} ms`, body: text };
}
