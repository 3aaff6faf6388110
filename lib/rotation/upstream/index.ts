// Choosing the upstream writer for a store, by its provider type (spec.provider.<type>):
//  - the demo cluster's fake vault (any provider type, only on the demo cluster — see demo-vault.ts) → "demo-vault";
//  - every real provider (onepassword, vault, aws, gcpsm, azurekv, …) → "manual": Fluxtower cannot write those
//    backends itself (no PushSecret support yet), so the flow names the exact item/property to change and waits
//    for the user's confirmation, then force-syncs and verifies the Secret received the new value.
// Adding a provider means adding an adapter with a `write` here, keyed by its provider type.
import "server-only";
import { demoVault, demoVaultApplies } from "./demo-vault";
import type { UpstreamAdapter, UpstreamStore } from "./types";

export type { UpstreamAdapter, UpstreamStore } from "./types";
export { manualInstructions } from "./types";

const manual: UpstreamAdapter = { id: "manual" };

/** Provider types with a built-in writer (none for real providers yet). */
const BY_PROVIDER: Record<string, UpstreamAdapter> = {};

export async function chooseAdapter(cluster: string, store: UpstreamStore): Promise<UpstreamAdapter> {
  if (await demoVaultApplies(cluster, store)) return demoVault;
  return BY_PROVIDER[store.providerType] ?? manual;
}

export function adapterById(id: UpstreamAdapter["id"]): UpstreamAdapter {
  return id === "demo-vault" ? demoVault : manual;
}
