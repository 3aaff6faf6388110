// Records the latency of every request the app's HTTP server answers, labelled with the Next.js route pattern.
// Hooks http.Server.prototype.emit (like lib/http/peer-address.ts) because Next.js gives no per-request hook that
// sees the finished response; the metrics server itself is skipped.
import "server-only";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { metrics } from "./registry";
import { routeLabeler, type RouteLabeler, type RoutesManifest } from "./route-label";

const INSTALLED = Symbol.for("fluxtower.metricsHttpHook");
export const SKIP_METRICS = Symbol.for("fluxtower.metricsSkip");

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

function loadLabeler(): RouteLabeler {
  const distDir = process.env.FLUXTOWER_NEXT_DIST_DIR ?? ".next";
  try {
    return routeLabeler(JSON.parse(readFileSync(path.join(process.cwd(), distDir, "routes-manifest.json"), "utf8")) as RoutesManifest);
  } catch {
    return routeLabeler({});
  }
}

export function installHttpMetricsHook(): void {
  const proto = http.Server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const label = loadLabeler();
  const { httpDuration } = metrics();
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" && !(this as unknown as Record<symbol, unknown>)[SKIP_METRICS]) {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const end = httpDuration.startTimer();
      let pathname = "/";
      try {
        pathname = new URL(req.url ?? "/", "http://x").pathname;
      } catch {
        // unparsable target: counted as "other"
      }
      res.once("close", () => end({ method: req.method ?? "GET", route: label(pathname), status: String(res.statusCode) }));
    }
    return original.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}
