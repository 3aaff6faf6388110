// Minimal HTTP(S) client for the benchmark: whole-body requests with wall-clock timing, and streaming requests
// (watch lines, Server-Sent Events). Uses node:http/https directly so TLS (the demo cluster's CA) and keep-alive
// are explicit and nothing is buffered or compressed behind our back.
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** PEM CA for https URLs. */
  ca?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Request start to last body byte. */
  ms: number;
}

export interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Resolves when the server ends the stream or close() is called. */
  done: Promise<void>;
  close(): void;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const httpsAgents = new Map<string, https.Agent>();

function agentFor(url: URL, ca: string | undefined): http.Agent {
  if (url.protocol === "http:") return httpAgent;
  const key = ca ?? "";
  let agent = httpsAgents.get(key);
  if (!agent) {
    agent = new https.Agent({ keepAlive: true, maxSockets: 256, ca });
    httpsAgents.set(key, agent);
  }
  return agent;
}

function start(url: string, opts: RequestOptions, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
  const u = new URL(url);
  const mod = u.protocol === "https:" ? https : http;
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
  const req = mod.request(u, { method: opts.method ?? "GET", headers, agent: agentFor(u, opts.ca) }, onResponse);
  if (opts.timeoutMs)
    req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms: ${url}`)));
  if (opts.body !== undefined) req.write(opts.body);
  req.end();
  return req;
}

export function request(url: string, opts: RequestOptions = {}): Promise<HttpResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = start(url, { timeoutMs: 120_000, ...opts }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - t0,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Opens a long-lived response and hands every decoded text chunk to onText. */
export function openStream(url: string, opts: RequestOptions, onText: (text: string) => void): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((r) => (finish = r));
    const req = start(url, opts, (res) => {
      res.setEncoding("utf8");
      res.on("data", (text: string) => onText(text));
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, done, close: () => req.destroy() });
    });
    req.on("error", (err) => {
      finish();
      reject(err);
    });
  });
}

/** Splits a stream into lines (watch streams: one JSON object per line). */
export function lineSplitter(onLine: (line: string) => void): (text: string) => void {
  let buffer = "";
  return (text) => {
    buffer += text;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(line);
    }
  };
}

export interface SseMessage {
  event: string;
  data: string;
}

/** Parses Server-Sent Events (event + data lines, blank-line separated; comments ignored). */
export function sseParser(onMessage: (m: SseMessage) => void): (text: string) => void {
  let buffer = "";
  return (text) => {
    buffer += text;
    let sep: number;
    while ((sep = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onMessage({ event, data: data.join("\n") });
    }
  };
}
