// The process's Prometheus registry and the metrics Fluxtower records as things happen (HTTP requests). Kept on
// globalThis: Next.js loads the instrumentation hook and the route handlers as separate bundles, and both must see
// the same registry. Values read at scrape time (caches, SSE clients, database rows) are in collectors.ts.
import "server-only";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface FluxtowerMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
}

const holder = globalThis as unknown as { fluxtowerMetrics?: FluxtowerMetrics };

export function metrics(): FluxtowerMetrics {
  if (holder.fluxtowerMetrics) return holder.fluxtowerMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "fluxtower_http_request_duration_seconds",
    help: "HTTP request latency on the app's port, by method, route pattern and status (SSE streams: their whole life)",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  holder.fluxtowerMetrics = { registry, httpDuration };
  return holder.fluxtowerMetrics;
}
