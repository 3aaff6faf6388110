// status.capabilities of a (Cluster)SecretStore, as ESO reports it from the provider's Capabilities(): whether
// PushSecret can write to it. A small table of real providers (ESO v2.x); providers without PushSecret support
// (their PushSecret returns "not implemented") are ReadOnly, GitHub (Actions secrets) is WriteOnly, unknown ones
// are treated as ReadOnly. Tests and scenarios may override it with the demo annotation below.
import type { KObject } from "../store/types";
import { isMap, specOf } from "../sim/objects";

export type StoreCapabilities = "ReadOnly" | "WriteOnly" | "ReadWrite";
export const CAPABILITIES_ANNOTATION = "democluster.fluxtower.dev/capabilities";

const BY_PROVIDER: Record<string, StoreCapabilities> = {
  vault: "ReadWrite",
  aws: "ReadWrite",
  gcpsm: "ReadWrite",
  azurekv: "ReadWrite",
  onepassword: "ReadWrite",
  onepasswordSDK: "ReadWrite",
  kubernetes: "ReadWrite",
  fake: "ReadWrite",
  akeyless: "ReadWrite",
  doppler: "ReadWrite",
  bitwardensecretsmanager: "ReadWrite",
  keepersecurity: "ReadWrite",
  scaleway: "ReadWrite",
  github: "WriteOnly",
  webhook: "ReadOnly",
  gitlab: "ReadOnly",
  conjur: "ReadOnly",
  yandexlockbox: "ReadOnly",
  alibaba: "ReadOnly",
  ibm: "ReadOnly",
  senhasegura: "ReadOnly",
  delinea: "ReadOnly",
  passbolt: "ReadOnly",
  pulumi: "ReadOnly",
};

const VALID = new Set<string>(["ReadOnly", "WriteOnly", "ReadWrite"]);

export function providerTypeOf(store: KObject): string | undefined {
  const provider = specOf(store).provider;
  return isMap(provider) ? Object.keys(provider)[0] : undefined;
}

export function capabilitiesOf(store: KObject): StoreCapabilities {
  const override = store.metadata.annotations?.[CAPABILITIES_ANNOTATION];
  if (override && VALID.has(override)) return override as StoreCapabilities;
  const type = providerTypeOf(store);
  return (type !== undefined && Object.hasOwn(BY_PROVIDER, type) ? BY_PROVIDER[type] : undefined) ?? "ReadOnly";
}

/** Whether ESO may push to a store with these capabilities. */
export function canPush(capabilities: StoreCapabilities): boolean {
  return capabilities !== "ReadOnly";
}
