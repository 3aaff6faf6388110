import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function ClusterNotFound() {
  return (
    <EmptyState title="Not found">
      There is no such cluster, kind or object, or your Kubernetes permissions do not let you see it.{" "}
      <Link href="/clusters" className="text-blue-800 underline dark:text-blue-300">
        All clusters
      </Link>
    </EmptyState>
  );
}
