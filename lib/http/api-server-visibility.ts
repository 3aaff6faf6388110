// Who sees API-server addresses (issue 18, fix 9): admins do; for everyone else they are replaced by
// "<API server>" — in the cluster list, cluster status messages, error responses and stored messages alike.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import { hideApiServerAddresses } from "./api-server-address";

function configuredServers(): string[] {
  return configuredClusters()
    .map((c) => c.server)
    .filter(Boolean);
}

/** `text` without any API-server address, for text that everyone may read (stored operation messages, audit rows). */
export function withoutApiServers(text: string): string {
  return hideApiServerAddresses(text, configuredServers());
}

/** `text` as `user` may see it: unchanged for admins, without API-server addresses for everyone else. */
export function apiServerTextFor(user: Pick<Principal, "role"> | null | undefined, text: string): string {
  return user?.role === "admin" ? text : withoutApiServers(text);
}
