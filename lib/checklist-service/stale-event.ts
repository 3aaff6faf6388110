// A Warning Event (reason SignoffStale, source fluxtower) on the HelmRelease when its sign-off goes stale, so
// Flux notification-controller or any Event consumer can route it. Posted as the app identity. Read-only mode
// pauses it (the review keeps staleNotifiedAt empty, so a writable start posts it) and the page says so.
import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { KubeObject } from "@/lib/kinds/object";
import { env } from "@/lib/config/env";
import { kubeJson } from "@/lib/k8s/transport";

const MAX_MESSAGE = 1024;

/** Why the Event of a stale sign-off is not posted now (read-only mode), else undefined. */
export function staleEventPaused(): string | undefined {
  return env().FLUXTOWER_READ_ONLY ? "SignoffStale Event paused: read-only mode — it is posted when Fluxtower runs writable again" : undefined;
}

export function staleMessage(signedBy: string, signedAt: string, reasons: string[]): string {
  return `Production-readiness sign-off by ${signedBy} on ${signedAt.slice(0, 10)} is stale: ${reasons.join("; ")}`.slice(
    0,
    MAX_MESSAGE,
  );
}

export async function postStaleEvent(cluster: string, release: KubeObject, message: string): Promise<void> {
  const ns = release.metadata.namespace ?? "default";
  const now = new Date().toISOString();
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${release.metadata.name}.signoff-stale.${randomBytes(6).toString("hex")}`, namespace: ns },
    involvedObject: {
      apiVersion: release.apiVersion || "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      name: release.metadata.name,
      namespace: ns,
      uid: release.metadata.uid,
      resourceVersion: release.metadata.resourceVersion,
    },
    reason: "SignoffStale",
    message,
    type: "Warning",
    source: { component: "fluxtower" },
    reportingComponent: "fluxtower",
    reportingInstance: hostname().slice(0, 128),
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  await kubeJson(cluster, { method: "POST", path: `/api/v1/namespaces/${encodeURIComponent(ns)}/events`, body: event });
}
