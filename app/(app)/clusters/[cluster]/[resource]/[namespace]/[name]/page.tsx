import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ResourceDetailClient } from "@/components/resources/resource-detail-client";
import { Loading } from "@/components/ui/loading";
import { namespaceParam, objectName, resourceName } from "@/lib/http/schemas";
import { resourceInfo } from "@/lib/kinds/registry";
import { decodeSegment } from "@/lib/queries/route-params";

type Params = Promise<{ cluster: string; resource: string; namespace: string; name: string }>;

async function parse(params: Params) {
  const p = await params;
  const namespace = decodeSegment(p.namespace);
  const name = decodeSegment(p.name);
  const ok = resourceName.safeParse(p.resource).success && namespaceParam.safeParse(namespace).success && objectName.safeParse(name).success;
  return ok ? { cluster: decodeSegment(p.cluster), resource: p.resource, namespace: namespace === "_" ? null : namespace, name } : null;
}

export async function generateMetadata({ params }: { params: Params }) {
  const p = await parse(params);
  if (!p) return { title: "Not found" };
  return { title: `${p.namespace ? `${p.namespace}/` : ""}${p.name} · ${resourceInfo(p.resource)?.kind ?? p.resource}` };
}

export default async function ResourceDetailPage({ params }: { params: Params }) {
  const p = await parse(params);
  if (!p) notFound();
  return (
    <Suspense fallback={<Loading />}>
      <ResourceDetailClient cluster={p.cluster} resource={p.resource} namespace={p.namespace} name={p.name} />
    </Suspense>
  );
}
