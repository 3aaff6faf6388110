// Server-Sent Events for route handlers: one place for the stream plumbing every live endpoint shares — retry hint,
// heartbeat comments, the credential re-check that ends a stream within 60 s of sign-out/expiry/revocation (S20),
// cleanup on client abort, and timers/subscriptions released exactly once.
import { sessionIsActive } from "@/lib/auth/sessions";
import type { Principal } from "@/lib/auth/principal";
import { isShuttingDown, trackStream } from "@/lib/shutdown/state";

export interface SseChannel {
  /** Sends one event; `data` is JSON-encoded. */
  send(event: string, data: unknown): void;
  /** Sends raw SSE text (e.g. a comment line). */
  raw(text: string): void;
  /** Ends the stream, optionally telling the client why (`event: end`). */
  close(reason?: string): void;
  /** Runs fn every `ms` until the stream ends. */
  every(ms: number, fn: () => void): void;
  /** Registers cleanup (unsubscribe, close upstream) run once when the stream ends. */
  onClose(fn: () => void): void;
}

export interface SseOptions {
  heartbeatMs?: number;
  retryMs?: number;
  /** How often the credential is re-checked (default 30 s, so a stream ends within 60 s of sign-out). */
  sessionCheckMs?: number;
}

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

export function sseResponse(req: Request, user: Principal, start: (ch: SseChannel) => void | Promise<void>, opts: SseOptions = {}): Response {
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  let closed = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const finish = () => {
    if (closed) return;
    closed = true;
    for (const fn of cleanups.splice(0)) {
      try {
        fn();
      } catch {
        // cleanup must not keep the others from running
      }
    }
    try {
      controllerRef?.close();
    } catch {
      // already closed by the client
    }
  };

  const ch: SseChannel = {
    raw(text) {
      if (closed || !controllerRef) return;
      try {
        controllerRef.enqueue(encoder.encode(text));
      } catch {
        finish();
      }
    },
    send(event, data) {
      ch.raw(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close(reason) {
      if (reason !== undefined) ch.send("end", { reason });
      finish();
    },
    every(ms, fn) {
      const t = setInterval(fn, ms);
      cleanups.push(() => clearInterval(t));
    },
    onClose(fn) {
      if (closed) fn();
      else cleanups.push(fn);
    },
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      ch.raw(`retry: ${opts.retryMs ?? 2000}\n\n`);
      ch.every(opts.heartbeatMs ?? 15_000, () => ch.raw(": ping\n\n"));
      const sessionId = user.sessionId;
      if (sessionId) {
        ch.every(opts.sessionCheckMs ?? 30_000, () => {
          void sessionIsActive(sessionId).then((ok) => (ok ? undefined : ch.close("session ended")));
        });
      }
      req.signal.addEventListener("abort", finish);
      // Graceful shutdown (lib/shutdown) ends every open stream with `event: end`; clients reconnect elsewhere.
      if (isShuttingDown()) return ch.close("server shutting down");
      cleanups.push(trackStream((reason) => ch.close(reason)));
      await start(ch);
    },
    cancel() {
      finish();
    },
  });
  return new Response(body, { headers: HEADERS });
}
