// Response helpers: JSON bodies, metav1.Status errors, and conversion of unknown errors to a 500 Status.
import type { ServerResponse } from "node:http";
import { StatusError, type MetaStatus, type StatusDetails } from "../store/errors";

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function toStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StatusError(500, "InternalError", `Internal error occurred: ${message}`);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const status = toStatusError(err);
  if (status.code === 500 && !(err instanceof StatusError)) console.error("democluster: internal error:", err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  if (status.details?.retryAfterSeconds) headers["Retry-After"] = String(status.details.retryAfterSeconds);
  const text = JSON.stringify(status.toStatus());
  res.writeHead(status.code, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function successStatus(details: StatusDetails): MetaStatus {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details, code: 200 };
}
