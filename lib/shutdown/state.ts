// Process-wide shutdown state, shared by the signal handler (signals.ts), /api/readyz (503 once shutting down),
// the SSE plumbing (lib/http/sse.ts registers each open stream so shutdown can end it with an `end` event) and the
// metrics (open SSE clients). On globalThis: the instrumentation hook and the route handlers are separate bundles.
// No I/O here.

export type StreamCloser = (reason: string) => void;

interface ShutdownState {
  shuttingDown: boolean;
  streams: Set<StreamCloser>;
}

const holder = globalThis as unknown as { fluxtowerShutdown?: ShutdownState };
const state = (): ShutdownState => (holder.fluxtowerShutdown ??= { shuttingDown: false, streams: new Set() });

export const isShuttingDown = (): boolean => state().shuttingDown;

/** Registers an open stream; returns the function that unregisters it (call it when the stream ends). */
export function trackStream(close: StreamCloser): () => void {
  const s = state();
  s.streams.add(close);
  return () => s.streams.delete(close);
}

export const openStreamCount = (): number => state().streams.size;

/** Marks the process as shutting down and ends every open stream with `reason`; returns how many were ended. */
export function beginShutdown(reason: string): number {
  const s = state();
  s.shuttingDown = true;
  const streams = [...s.streams];
  s.streams.clear();
  for (const close of streams) {
    try {
      close(reason);
    } catch {
      // a stream that already broke must not keep the others open
    }
  }
  return streams.length;
}
