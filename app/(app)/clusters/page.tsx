import { ClustersClient } from "@/components/resources/clusters-client";

export const metadata = { title: "Clusters" };

export default function ClustersPage() {
  return <ClustersClient />;
}
