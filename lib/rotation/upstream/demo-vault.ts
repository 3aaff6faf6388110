// Upstream writer for the demo cluster's fake vault (democluster/vault). It applies ONLY when demo mode is on, the
// demo control endpoint is configured (FLUXTOWER_DEMO_CONTROL_URL/_TOKEN, set by scripts/start-stack.sh), the
// cluster's API server is that same demo server on loopback, and the demo reports a fake vault for the store. The
// demo vault stands in for whatever provider the store names (the scenario's store says `onepassword`): writing
// it is what a PushSecret or the provider's own API would do on a real cluster.
import "server-only";
import { env } from "@/lib/config/env";
import { configuredClusters, isLoopbackServer } from "@/lib/k8s/kubeconfig";
import type { RemoteField } from "../eso-remote";
import type { UpstreamAdapter, UpstreamStore } from "./types";

const TIMEOUT_MS = 10_000;

function control(): { url: URL; token: string } | undefined {
  const e = env();
  if (!e.FLUXTOWER_DEMO_MODE || !e.FLUXTOWER_DEMO_CONTROL_URL || !e.FLUXTOWER_DEMO_CONTROL_TOKEN) return undefined;
  return { url: new URL(e.FLUXTOWER_DEMO_CONTROL_URL), token: e.FLUXTOWER_DEMO_CONTROL_TOKEN };
}

function sameServer(cluster: string, controlUrl: URL): boolean {
  const server = configuredClusters().find((c) => c.id === cluster)?.server;
  if (!server || !isLoopbackServer(server)) return false;
  const s = new URL(server);
  // The demo serves https (kubeconfig) and http (control) on one port.
  return s.hostname === controlUrl.hostname && s.port !== "" && s.port === controlUrl.port;
}

async function call(path: string, init: { method: string; body?: unknown }): Promise<Response> {
  const c = control();
  if (!c) throw new Error("the demo control endpoint is not configured");
  const res = await fetch(new URL(path, c.url), {
    method: init.method,
    headers: { authorization: `Bearer ${c.token}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`demo control endpoint answered ${res.status} for ${init.method} ${path}`);
  return res;
}

function vaultName(store: UpstreamStore): string {
  return store.vaultAnnotation ?? store.name;
}

/** Whether this cluster + store is backed by the demo's fake vault. */
export async function demoVaultApplies(cluster: string, store: UpstreamStore): Promise<boolean> {
  const c = control();
  if (!c || !sameServer(cluster, c.url)) return false;
  const res = await call("/__demo/state", { method: "GET" });
  const state = (await res.json()) as { simulation?: { vault?: { store?: string }[] } | null };
  return (state.simulation?.vault ?? []).some((v) => v.store === vaultName(store));
}

export const demoVault: UpstreamAdapter = {
  id: "demo-vault",
  async write(_cluster: string, store: UpstreamStore, field: RemoteField, value: string): Promise<void> {
    if (!field.property) throw new Error(`the demo vault needs a property name for item ${field.item}`);
    const path = `/__demo/vault/${encodeURIComponent(vaultName(store))}/${encodeURIComponent(field.item)}`;
    await call(path, { method: "PUT", body: { fields: { [field.property]: value } } });
  },
};
