// Clusters come from kubeconfig: every context is a cluster, its id is the context name.
import "server-only";
import { KubeConfig } from "@kubernetes/client-node";

export interface ClusterConfig {
  id: string;
  name: string;
  server: string;
}

const globalForKc = globalThis as unknown as { fluxtowerKubeConfig?: KubeConfig };

/** The process-wide kubeconfig (KUBECONFIG or ~/.kube/config), loaded once. */
export function kubeConfig(): KubeConfig {
  if (!globalForKc.fluxtowerKubeConfig) {
    const kc = new KubeConfig();
    kc.loadFromDefault();
    globalForKc.fluxtowerKubeConfig = kc;
  }
  return globalForKc.fluxtowerKubeConfig;
}

export function configuredClusters(): ClusterConfig[] {
  const kc = kubeConfig();
  return kc.getContexts().map((ctx) => {
    const cluster = kc.getCluster(ctx.cluster);
    return { id: ctx.name, name: ctx.name, server: cluster?.server ?? "" };
  });
}

export function isLoopbackServer(server: string): boolean {
  try {
    const host = new URL(server).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}
