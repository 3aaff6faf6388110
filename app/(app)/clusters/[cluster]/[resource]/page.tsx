import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ResourceListClient } from "@/components/resources/resource-list-client";
import { Loading } from "@/components/ui/loading";
import { resourceInfo } from "@/lib/kinds/registry";
import { isListKind, pluralKind } from "@/lib/queries/list-kinds";
import { decodeSegment } from "@/lib/queries/route-params";

type Params = Promise<{ cluster: string; resource: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { cluster, resource } = await params;
  const kind = resourceInfo(resource)?.kind;
  return { title: kind ? `${pluralKind(kind)} · ${decodeSegment(cluster)}` : "Not found" };
}

export default async function ResourceListPage({ params }: { params: Params }) {
  const { cluster, resource } = await params;
  if (!isListKind(resource)) notFound();
  return (
    <Suspense fallback={<Loading />}>
      <ResourceListClient cluster={decodeSegment(cluster)} resource={resource} />
    </Suspense>
  );
}
