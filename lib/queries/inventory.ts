// Inventory entries as the detail API lists them. Flux writes "<namespace>_<name>_<group>_<kind>" (namespace empty
// for cluster-scoped objects, group empty for core); "Kind/namespace/name" and "Kind/name" are accepted too.
// Pure.

export interface InventoryRef {
  kind: string;
  group: string;
  namespace: string | null;
  name: string;
}

export function parseInventoryEntry(entry: string): InventoryRef | null {
  const flux = entry.split("_");
  if (flux.length === 4 && flux[1] && flux[3]) {
    return { namespace: flux[0] || null, name: flux[1], group: flux[2], kind: flux[3] };
  }
  const slash = entry.split("/");
  if (slash.length === 3 && slash[0] && slash[2]) return { kind: slash[0], group: "", namespace: slash[1] || null, name: slash[2] };
  if (slash.length === 2 && slash[0] && slash[1]) return { kind: slash[0], group: "", namespace: null, name: slash[1] };
  return null;
}
