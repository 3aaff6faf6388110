// In-memory log of the last N Kubernetes API requests, readable through GET /__demo/requests?since=<seq> so
// integration tests can assert exactly what the cluster received (method, path, query, body, identity, ...).
import type { ImpersonationHeaders } from "../auth/impersonation";

export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  contentType?: string;
  userAgent?: string;
  body?: unknown;
  user?: string;
  /** The Impersonate-* headers as received (one group per header line), also when impersonation was refused. */
  impersonationHeaders?: ImpersonationHeaders;
  /** The identity the request was authorized as, when impersonation was allowed (groups + system:authenticated). */
  impersonatedUser?: string;
  impersonatedGroups?: string[];
  fieldManager?: string;
  watch?: boolean;
  status?: number;
}

const MAX_LOGGED_BODY = 256 * 1024;

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** The body as logged: parsed JSON when possible, else text (truncated). */
export function loggedBody(body: Buffer): unknown {
  const text = body.subarray(0, MAX_LOGGED_BODY).toString("utf8");
  if (body.length > MAX_LOGGED_BODY) return `${text}…(truncated, ${body.length} bytes)`;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 2000) {}

  start(entry: Omit<RequestLogEntry, "seq" | "time">): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, time: new Date().toISOString(), ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  since(seq: number): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  lastSeq(): number {
    return this.seq;
  }
}
