// The metrics endpoint: its own HTTP server on FLUXTOWER_METRICS_PORT (default 9464), serving GET /metrics in the
// Prometheus text format and nothing else. Separate from the app's port, so it is neither behind sign-in nor
// reachable through the app's public URL (the app's port has no /metrics route).
import "server-only";
import http from "node:http";
import { logger } from "@/lib/log/logger";
import { registerCollectors } from "./collectors";
import type { MetricsConfig } from "./config";
import { installHttpMetricsHook, SKIP_METRICS } from "./http-hook";
import { metrics } from "./registry";

const holder = globalThis as unknown as { fluxtowerMetricsServer?: http.Server };

/** Starts the endpoint once per process (port 0: metrics off). */
export function startMetricsServer(config: MetricsConfig): http.Server | undefined {
  if (holder.fluxtowerMetricsServer || config.port === 0) return holder.fluxtowerMetricsServer;
  const { registry } = metrics();
  registerCollectors(registry);
  installHttpMetricsHook();
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || pathname !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (err: unknown) => {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, "metrics collection failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics collection failed\n");
      },
    );
  });
  (server as unknown as Record<symbol, unknown>)[SKIP_METRICS] = true;
  server.on("error", (err) => logger.error({ err: err.message, port: config.port, host: config.host }, "metrics endpoint could not start"));
  server.listen(config.port, config.host, () => logger.info({ port: config.port, host: config.host }, "metrics endpoint listening"));
  server.unref();
  holder.fluxtowerMetricsServer = server;
  return server;
}

export function stopMetricsServer(): void {
  holder.fluxtowerMetricsServer?.close();
}
