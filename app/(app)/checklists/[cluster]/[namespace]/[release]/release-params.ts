// Validation of the checklist page's path segments (cluster, namespace, release); null when any is invalid.
import { clusterId, objectName } from "@/lib/http/schemas";
import { decodeSegment } from "@/lib/queries/route-params";
import type { ReleaseRef } from "@/components/checklist/queries";

export type ReleaseParams = Promise<{ cluster: string; namespace: string; release: string }>;

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export async function parseReleaseParams(params: ReleaseParams): Promise<ReleaseRef | null> {
  const p = await params;
  const ref = {
    cluster: decodeSegment(p.cluster),
    namespace: decodeSegment(p.namespace),
    release: decodeSegment(p.release),
  };
  const ok =
    clusterId.safeParse(ref.cluster).success &&
    NAMESPACE.test(ref.namespace) &&
    ref.namespace.length <= 63 &&
    objectName.safeParse(ref.release).success;
  return ok ? ref : null;
}
