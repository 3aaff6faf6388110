// What the shared cache keeps of an object: never Secret values, never last-applied-configuration (it can embed
// Secret data), never managedFields (large; the detail view reads them live as the user).
import type { KubeObject } from "@/lib/kinds/object";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** A copy safe to keep in memory and to show: Secret `data` becomes `dataKeys`, other sensitive fields dropped. */
export function scrub(obj: KubeObject): KubeObject {
  const metadata = { ...obj.metadata };
  delete (metadata as Record<string, unknown>).managedFields;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    const annotations = { ...metadata.annotations };
    delete annotations[LAST_APPLIED];
    metadata.annotations = annotations;
  }
  const out: KubeObject = { ...obj, metadata };
  if (obj.kind === "Secret") {
    const data = (obj.data ?? {}) as Record<string, unknown>;
    const stringData = (obj.stringData ?? {}) as Record<string, unknown>;
    out.dataKeys = [...new Set([...Object.keys(data), ...Object.keys(stringData)])].sort();
    delete out.data;
    delete out.stringData;
  }
  return out;
}
