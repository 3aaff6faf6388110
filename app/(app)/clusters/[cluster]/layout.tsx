import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ClusterBar } from "@/components/live/cluster-bar";
import { clusterId } from "@/lib/http/schemas";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import { decodeSegment } from "@/lib/queries/route-params";

/** Every page of one cluster: validates the cluster and keeps its live stream open across navigations. */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const cluster = decodeSegment((await params).cluster);
  if (!clusterId.safeParse(cluster).success || !configuredClusters().some((c) => c.id === cluster)) notFound();
  return (
    <>
      <ClusterBar cluster={cluster} />
      {children}
    </>
  );
}
