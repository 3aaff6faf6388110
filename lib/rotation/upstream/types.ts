// Upstream writers: how a rotation puts a new value into the backend an ExternalSecret reads from (ESO-managed
// Secrets are never patched — ESO would overwrite them, DOMAIN.md §2). Pure types.
import type { RemoteField } from "../eso-remote";

/** A (Cluster)SecretStore's status.capabilities as ESO reports it (from the provider's Capabilities()). */
export type StoreCapabilities = "ReadOnly" | "WriteOnly" | "ReadWrite";

export interface UpstreamStore {
  kind: "SecretStore" | "ClusterSecretStore";
  name: string;
  /** The (Cluster)SecretStore's spec.provider key: "onepassword", "vault", "aws", "fake" … */
  providerType: string;
}

/** "push-secret": ESO writes the value through a PushSecret to the same store; "manual": the user does. */
export type UpstreamAdapterId = "push-secret" | "manual";

/** Exactly what the user must change by hand (no value: the user knows or chose it). */
export function manualInstructions(store: UpstreamStore, field: RemoteField, what: string): string {
  const where = field.property ? `property "${field.property}" of item "${field.item}"` : `the value of "${field.item}"`;
  return `In the ${store.providerType} backend behind ${store.kind} ${store.name}, set ${where} to ${what}, then confirm here. Fluxtower then force-syncs the ExternalSecret and checks that the Secret received it.`;
}
