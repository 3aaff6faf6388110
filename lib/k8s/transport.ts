// The one way Fluxtower talks HTTP to a Kubernetes API server: credentials and TLS from kubeconfig (through
// @kubernetes/client-node's KubeConfig), optional impersonation of the signed-in user (Impersonate-User plus one
// Impersonate-Group header per group), JSON requests, and line streams for watches and logs.
import "server-only";
import http from "node:http";
import https from "node:https";
import { KubeConfig } from "@kubernetes/client-node";
import { kubeConfig } from "./kubeconfig";

export interface Impersonation {
  user: string;
  groups: string[];
}

export interface KubeRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  impersonate?: Impersonation;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class KubeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "KubeHttpError";
  }
}

interface Prepared {
  url: URL;
  options: https.RequestOptions;
  transport: typeof http | typeof https;
}

const agents = new Map<string, http.Agent>();

function contextConfig(clusterId: string): KubeConfig {
  const base = kubeConfig();
  if (!base.getContextObject(clusterId)) throw new KubeHttpError(404, "NotFound", `Unknown cluster "${clusterId}"`);
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: base.clusters, users: base.users, contexts: base.contexts, currentContext: clusterId });
  return kc;
}

async function prepare(clusterId: string, req: KubeRequest): Promise<Prepared> {
  const kc = contextConfig(clusterId);
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new KubeHttpError(500, "ConfigError", `Cluster "${clusterId}" has no server URL`);
  const url = new URL(req.path, server.endsWith("/") ? server : `${server}/`);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const options: https.RequestOptions = { headers: {} };
  await kc.applyToHTTPSOptions(options);
  const isHttps = url.protocol === "https:";
  let agent = agents.get(clusterId);
  if (!agent) {
    agent = isHttps
      ? new https.Agent({ keepAlive: true, ca: options.ca, cert: options.cert, key: options.key, rejectUnauthorized: options.rejectUnauthorized, servername: options.servername, maxSockets: 64 })
      : new http.Agent({ keepAlive: true, maxSockets: 64 });
    agents.set(clusterId, agent);
  }
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (typeof v === "string" || Array.isArray(v)) headers[k] = v;
  }
  delete headers["Impersonate-User"];
  if (req.impersonate) {
    headers["Impersonate-User"] = req.impersonate.user;
    if (req.impersonate.groups.length) headers["Impersonate-Group"] = req.impersonate.groups;
  }
  headers["Accept"] = "application/json";
  headers["User-Agent"] = "fluxtower/0.1";
  if (req.body !== undefined) headers["Content-Type"] = req.contentType ?? "application/json";
  return {
    url,
    transport: isHttps ? https : http,
    options: { method: req.method ?? "GET", headers, agent, timeout: req.timeoutMs ?? 30_000, signal: req.signal },
  };
}

function statusError(status: number, text: string): KubeHttpError {
  try {
    const s = JSON.parse(text) as { reason?: string; message?: string };
    return new KubeHttpError(status, s.reason ?? "Error", s.message ?? `HTTP ${status}`);
  } catch {
    return new KubeHttpError(status, "Error", `HTTP ${status}: ${text.slice(0, 200)}`);
  }
}

/** A raw request; resolves with the body text, rejects with KubeHttpError for non-2xx answers. */
export async function kubeText(clusterId: string, req: KubeRequest): Promise<string> {
  const p = await prepare(clusterId, req);
  return new Promise<string>((resolve, reject) => {
    const r = p.transport.request(p.url, p.options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) return reject(statusError(status, text));
        resolve(text);
      });
    });
    r.on("timeout", () => r.destroy(new KubeHttpError(504, "Timeout", "API server did not answer in time")));
    r.on("error", (err) => reject(err instanceof KubeHttpError ? err : new KubeHttpError(503, "Unreachable", err.message)));
    if (req.body !== undefined) r.write(typeof req.body === "string" ? req.body : JSON.stringify(req.body));
    r.end();
  });
}

/** A JSON request; resolves with the parsed body, rejects with KubeHttpError for non-2xx answers. */
export async function kubeJson<T = unknown>(clusterId: string, req: KubeRequest): Promise<T> {
  const text = await kubeText(clusterId, req);
  try {
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    throw new KubeHttpError(502, "BadResponse", "API server returned invalid JSON");
  }
}

export interface LineStream {
  /** Resolves when the stream ends (server closed, error, or close()). */
  done: Promise<void>;
  close(): void;
}

/**
 * Opens a streaming GET (watch, follow logs) and calls onLine for every complete line. Rejects when the server
 * answers with a non-2xx status before streaming.
 */
export async function kubeLines(clusterId: string, req: KubeRequest, onLine: (line: string) => void): Promise<LineStream> {
  const p = await prepare(clusterId, { ...req, timeoutMs: req.timeoutMs ?? 0 });
  return new Promise<LineStream>((resolve, reject) => {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((res) => (finish = res));
    const r = p.transport.request(p.url, { ...p.options, timeout: undefined }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => reject(statusError(status, Buffer.concat(chunks).toString("utf8"))));
        return;
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.length) onLine(line);
        }
      });
      const end = () => {
        if (buffer.length) onLine(buffer);
        buffer = "";
        finish();
      };
      res.on("end", end);
      res.on("close", end);
      res.on("error", end);
      resolve({ done, close: () => r.destroy() });
    });
    r.on("error", (err) => {
      finish();
      reject(new KubeHttpError(503, "Unreachable", err.message));
    });
    r.end();
  });
}
