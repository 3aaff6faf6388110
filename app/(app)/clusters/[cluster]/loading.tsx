import { Loading } from "@/components/ui/loading";

export default function ClusterLoading() {
  return <Loading />;
}
