// Server start-up: validate the environment (a bad value stops the start with a message naming the variable),
// apply database migrations, start the cluster watch caches, resume tracking of in-flight operations.
import { parseEnv } from "./config/env";

export async function startServer(): Promise<void> {
  // First: every request from now on carries its TCP peer address (per-address limits; lib/auth/client-ip.ts).
  const { installPeerAddressHook } = await import("./http/peer-address");
  installPeerAddressHook();
  let metricsSettings, shutdownSettings;
  try {
    parseEnv();
    metricsSettings = (await import("./metrics/config")).metricsConfig();
    shutdownSettings = (await import("./shutdown/config")).shutdownConfig();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const { logger } = await import("./log/logger");
  logger.info({ node: process.version }, "server starting");
  // Graceful shutdown (readiness 503 and SSE `end` on SIGTERM) and the Prometheus endpoint on its own port.
  const { installShutdownHandler, onShutdown } = await import("./shutdown/signals");
  installShutdownHandler(shutdownSettings);
  const { startMetricsServer, stopMetricsServer } = await import("./metrics/server");
  startMetricsServer(metricsSettings);
  onShutdown(stopMetricsServer);
  try {
    const { getDb } = await import("./db/client");
    await getDb();
    logger.info("database ready");
    const { startHousekeeping } = await import("./db/housekeeping");
    startHousekeeping((err) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, "database housekeeping failed; retrying later"));
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? err.message : String(err) }, "database migration failed");
    process.exit(1);
  }
  const { startCaches } = await import("./k8s/cache/registry");
  startCaches();
  // Operations that were in flight when the server stopped pick up tracking again.
  const { ensureTrackingResumed } = await import("./actions/tracker");
  void ensureTrackingResumed();
  // Re-evaluate Airflow production checklists on cluster changes (stale sign-offs are detected without a viewer).
  const { startChecklistMonitors } = await import("./checklist-service/monitor");
  startChecklistMonitors();
  // Secret rotations: resume (or continue rolling back) unfinished ones, adopt those whose driver died, and delete
  // backup Secrets past their grace period.
  const { startRotationWorker } = await import("./rotation/worker");
  startRotationWorker();
  // On SIGTERM: stop driving rotations and release their leases, so another replica adopts them at once.
  const { stopDriving } = await import("./rotation/runner");
  onShutdown(stopDriving);
}
