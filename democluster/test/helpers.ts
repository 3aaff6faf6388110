// Shared helpers for the democluster tests: start an in-process cluster (no simulation unless given) and talk
// to it over plain HTTP with a demo user's bearer token.
import { startDemoCluster, type DemoCluster, type StartDemoClusterOptions } from "../index";
import type { DemoUser } from "../auth/identity";

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  token?: string | null;
}

export async function startTestCluster(opts: StartDemoClusterOptions = {}): Promise<DemoCluster> {
  return startDemoCluster({ port: 0, ...opts });
}

export function api(cluster: DemoCluster, user: DemoUser = "admin") {
  return async (method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? cluster.tokens[user] : opts.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      headers["Content-Type"] = opts.contentType ?? "application/json";
    }
    const res = await fetch(`${cluster.url}${path}`, { method, headers, body });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}

export type Api = ReturnType<typeof api>;

/** Arbitrary JSON as the tests walk it in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON documents
export type AnyJson = Record<string, any>;

/** Narrowing helper for JSON responses in assertions. */
export function obj(value: unknown): AnyJson {
  if (typeof value !== "object" || value === null) throw new Error(`expected a JSON object, got ${String(value)}`);
  return value as AnyJson;
}

export async function createNamespace(call: Api, name: string): Promise<void> {
  const res = await call("POST", "/api/v1/namespaces", {
    body: { apiVersion: "v1", kind: "Namespace", metadata: { name } },
  });
  if (res.status !== 201 && res.status !== 409)
    throw new Error(`creating namespace ${name}: ${res.status} ${res.text}`);
}

export const HR_PATH = "/apis/helm.toolkit.fluxcd.io/v2";

export function helmRelease(
  namespace: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name, namespace, ...(extra.metadata as object | undefined) },
    spec: {
      interval: "5m",
      chart: { spec: { chart: "airflow", sourceRef: { kind: "HelmRepository", name: "apache-airflow" } } },
      ...(extra.spec as object | undefined),
    },
  };
}

export async function createHelmRelease(
  call: Api,
  namespace: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const res = await call("POST", `${HR_PATH}/namespaces/${namespace}/helmreleases`, {
    body: helmRelease(namespace, name, extra),
  });
  if (res.status !== 201) throw new Error(`creating helmrelease ${namespace}/${name}: ${res.status} ${res.text}`);
  return obj(res.json);
}

/** Reads newline-delimited JSON watch events from a streaming response until `until` says stop. */
export async function readWatch(
  url: string,
  token: string,
  until: (events: AnyJson[]) => boolean,
  timeoutMs = 5000,
  headers: Record<string, string> = {},
): Promise<AnyJson[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: AnyJson[] = [];
  try {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, ...headers },
      signal: controller.signal,
    });
    if (!res.body) throw new Error("no body");
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = res.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim()) events.push(JSON.parse(line));
      }
      if (until(events)) break;
    }
    return events;
  } catch (err) {
    if (controller.signal.aborted) return events;
    throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
