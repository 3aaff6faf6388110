// Helpers for the action integration tests: direct (admin) access to the demo API server to create fixtures and
// read objects back, the demo request log, and POST/GET of actions and operations through the app.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { demoControl, demoKubeconfig, demoServer, eventually, type Session } from "./harness";

interface Kubeconfig {
  users: Array<{ name: string; user: { token: string } }>;
}

const tokens = new Map((parse(readFileSync(demoKubeconfig, "utf8")) as Kubeconfig).users.map((u) => [u.name, u.user.token]));

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    annotations?: Record<string, string>;
    managedFields?: Array<{ manager: string; operation: string; fieldsV1?: Record<string, unknown> }>;
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown> & { conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> };
}

/** A request straight to the demo API server as a demo user (default admin). */
export async function kube<T = KObject>(method: string, path: string, body?: unknown, opts: { user?: string; contentType?: string } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(opts.user ?? "admin")}`, accept: "application/json" };
  if (body !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
  const res = await fetch(new URL(path, demoServer.url), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function getObject(path: string): Promise<KObject> {
  const r = await kube("GET", path);
  if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}`);
  return r.body;
}

/** Creates an object in `collection`; with `existingOk`, an existing one (409) is read back instead. */
export async function create(collection: string, obj: KObject, opts: { existingOk?: boolean } = {}): Promise<KObject> {
  const r = await kube("POST", collection, obj);
  if (r.status === 409 && opts.existingOk) return getObject(`${collection}/${obj.metadata.name}`);
  if (r.status !== 201 && r.status !== 200) throw new Error(`create ${obj.kind} ${obj.metadata.name} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  contentType?: string;
  body?: unknown;
  user?: string;
  impersonatedUser?: string;
  impersonatedGroups?: string[];
  fieldManager?: string;
  status?: number;
}

export async function lastSeq(): Promise<number> {
  const r = await demoControl("/__demo/requests?since=999999999");
  return ((await r.json()) as { lastSeq: number }).lastSeq;
}

export async function requestsSince(seq: number): Promise<LoggedRequest[]> {
  const r = await demoControl(`/__demo/requests?since=${seq}`);
  return ((await r.json()) as { requests: LoggedRequest[] }).requests;
}

/** Writes (non-GET, non-watch) to one object path since `seq`. */
export async function writesTo(seq: number, path: string): Promise<LoggedRequest[]> {
  return (await requestsSince(seq)).filter((r) => r.path === path && r.method !== "GET");
}

export interface OperationView {
  id: string;
  action: string;
  state: string;
  message: string;
  user: string;
  token: string | null;
  target: { resource: string; kind: string; namespace: string | null; name: string };
  steps: Array<{ kind: string; name: string; namespace: string | null; state: string; message: string; token: string | null; patch: unknown }>;
  startedAt: string;
  finishedAt: string | null;
}

export async function act(s: Session, body: Record<string, unknown>, cluster = "demo"): Promise<{ status: number; json: { operation?: OperationView; deduplicated?: boolean; error?: { code: string; message: string } } }> {
  const res = await s.fetch(`/api/v1/clusters/${cluster}/actions`, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { operation?: OperationView; deduplicated?: boolean; error?: { code: string; message: string } } };
}

const TERMINAL = ["succeeded", "failed", "timed-out"];

/** Polls GET /api/v1/operations/{id} until the operation is finished. */
export async function finished(s: Session, id: string, timeoutMs = 45_000): Promise<OperationView> {
  return eventually(async () => {
    const res = await s.fetch(`/api/v1/operations/${id}`);
    if (res.status !== 200) throw new Error(`GET operation → ${res.status}`);
    const op = ((await res.json()) as { operation: OperationView }).operation;
    return TERMINAL.includes(op.state) ? op : undefined;
  }, timeoutMs, 300);
}

export function readyMessage(obj: KObject): string | undefined {
  return obj.status?.conditions?.find((c) => c.type === "Ready")?.message;
}

/** The managedFields entries that own `spec.template.metadata.annotations[key]`. */
export function templateAnnotationOwners(obj: KObject, key: string): string[] {
  return (obj.metadata.managedFields ?? [])
    .filter((m) => {
      const f = m.fieldsV1 as Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>> | undefined;
      return !!f?.["f:spec"]?.["f:template"]?.["f:metadata"]?.["f:annotations"]?.[`f:${key}`];
    })
    .map((m) => m.manager);
}
