import { ClusterLandingClient } from "@/components/resources/cluster-landing-client";
import { decodeSegment } from "@/lib/queries/route-params";

export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  return { title: decodeSegment((await params).cluster) };
}

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = decodeSegment((await params).cluster);
  return <ClusterLandingClient cluster={cluster} />;
}
