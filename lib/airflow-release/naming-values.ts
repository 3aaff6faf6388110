// The values chartNames() reads: the deployed (masked) values, except where masking hid a value that names an object
// (a `*SecretName` or `fullnameOverride` set from a valuesFrom Secret): there the unmasked desired value is used
// server-side. Names are not secrets; the values behind them stay masked. Pure.
import { MASK_MARKER } from "@/lib/helm/mask";

type Rec = Record<string, unknown>;
const isMap = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function restore(masked: unknown, desired: unknown): unknown {
  if (typeof masked === "string" && masked.includes(MASK_MARKER)) return typeof desired === "string" ? desired : masked;
  if (isMap(masked)) {
    const d = isMap(desired) ? desired : {};
    return Object.fromEntries(Object.entries(masked).map(([k, v]) => [k, restore(v, d[k])]));
  }
  return masked;
}

/** Deployed values with masked name-bearing strings taken from the desired values. */
export function namingValues(deployed: Rec, desired: Rec): Rec {
  return restore(deployed, desired) as Rec;
}
