// Graceful shutdown on SIGTERM / SIGINT. Next.js's own handler closes the HTTP server at once (new connections are
// refused, so a probe sees no 503) and then exits; this takes it over and runs it last:
//  1. readiness answers 503 at once (lib/shutdown/state.ts) and every open SSE stream gets `event: end`;
//  2. registered hooks run (the rotation drivers finish their turn and release their leases, the metrics endpoint
//     closes);
//  3. once the hooks are done and FLUXTOWER_SHUTDOWN_DELAY_SECONDS have passed, the saved Next.js handler closes the
//     server, which waits for in-flight requests, and exits; FLUXTOWER_SHUTDOWN_GRACE_SECONDS after the signal the
//     process exits whatever is pending.
// Database leases of actions are released by their requests as those finish (lib/db/leases.ts withLease).
import "server-only";
import { logger } from "@/lib/log/logger";
import type { ShutdownConfig } from "./config";
import { beginShutdown } from "./state";

type Listener = (signal: NodeJS.Signals) => void;
const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGINT"];
const holder = globalThis as unknown as { fluxtowerShutdownInstalled?: boolean; fluxtowerShutdownHooks?: (() => void | Promise<void>)[] };
const hooks = () => (holder.fluxtowerShutdownHooks ??= []);

/** Adds work to run when shutdown begins (errors are logged, never block the exit). */
export function onShutdown(fn: () => void | Promise<void>): void {
  hooks().push(fn);
}

export function installShutdownHandler(config: ShutdownConfig): void {
  if (holder.fluxtowerShutdownInstalled) return;
  holder.fluxtowerShutdownInstalled = true;
  // What Next.js (and anyone before us) registered: run after the delay, in their order.
  const previous = new Map<NodeJS.Signals, Listener[]>();
  for (const signal of SIGNALS) {
    previous.set(signal, process.listeners(signal) as Listener[]);
    process.removeAllListeners(signal);
  }
  let started = false;
  const handle = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const ended = beginShutdown("server shutting down");
    logger.info({ signal, sseStreamsEnded: ended, delayMs: config.delayMs, graceMs: config.graceMs }, "shutting down: readiness 503, draining");
    const exitCode = signal === "SIGINT" ? 130 : 143;
    setTimeout(() => {
      logger.warn("shutdown grace period over; exiting with requests still open");
      process.exit(exitCode);
    }, config.graceMs).unref();
    const hooksDone = Promise.allSettled(hooks().map(async (fn) => fn())).then((results) => {
      for (const r of results) if (r.status === "rejected") logger.warn({ err: r.reason instanceof Error ? r.reason.message : String(r.reason) }, "a shutdown hook failed");
    });
    const delay = new Promise((r) => setTimeout(r, config.delayMs));
    void Promise.all([hooksDone, delay]).then(() => {
      const next = previous.get(signal) ?? [];
      if (next.length === 0) process.exit(exitCode);
      for (const fn of next) fn(signal);
    });
  };
  for (const signal of SIGNALS) process.on(signal, handle);
}
