// Demo sign-in exists only when FLUXTOWER_DEMO_MODE is on AND every configured cluster is the local demo cluster
// (loopback); a real cluster in the kubeconfig turns it off, whatever the flag says.
import "server-only";
import { env } from "@/lib/config/env";
import { configuredClusters, isLoopbackServer } from "@/lib/k8s/kubeconfig";

export function demoModeEnabled(): boolean {
  if (!env().FLUXTOWER_DEMO_MODE) return false;
  const clusters = configuredClusters();
  return clusters.length > 0 && clusters.every((c) => isLoopbackServer(c.server));
}
