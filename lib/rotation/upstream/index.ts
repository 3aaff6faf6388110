// Choosing the upstream writer for a store, from the store's status.capabilities (ESO fills it from the provider):
//  - ReadWrite or WriteOnly → "push-secret": the rotation creates, as the user, a short-lived source Secret and an
//    ESO PushSecret to the SAME store and remote key/property the ExternalSecret reads (push-secret-manifest.ts),
//    waits for ESO to report it Synced, then deletes both (deletionPolicy None keeps the pushed value);
//  - ReadOnly, missing or unknown → "manual": the flow names the exact item/property to change and waits for the
//    user's confirmation.
// Either way the sync step then force-syncs the ExternalSecret and checks the Secret received the value.
// Pure module.
import type { StoreCapabilities, UpstreamAdapterId } from "./types";

export type { StoreCapabilities, UpstreamAdapterId, UpstreamStore } from "./types";
export { manualInstructions } from "./types";

export function capabilitiesOf(status: unknown): StoreCapabilities | undefined {
  const c = status && typeof status === "object" ? (status as Record<string, unknown>).capabilities : undefined;
  return c === "ReadOnly" || c === "WriteOnly" || c === "ReadWrite" ? c : undefined;
}

export function chooseAdapter(capabilities: StoreCapabilities | undefined): UpstreamAdapterId {
  return capabilities === "ReadWrite" || capabilities === "WriteOnly" ? "push-secret" : "manual";
}

/**
 * The adapter of a stored plan. Journals written before PushSecret support may say "demo-vault" (the demo's fake
 * vault written through its control endpoint): its stores are writable, so it continues as "push-secret" (the write
 * step then needs the PushSecret permissions; without them it fails and the rotation rolls back). Anything else
 * unknown is "manual", which never writes.
 */
export function adapterOf(id: unknown): UpstreamAdapterId {
  if (id === "push-secret" || id === "demo-vault") return "push-secret";
  return "manual";
}
