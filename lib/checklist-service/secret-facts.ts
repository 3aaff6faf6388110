// Server-side Secret facts for the evaluator. The shared cache holds only key names; for the few keys the checks
// parse (a connection URL's sslmode, fernet key shape, SSH key shape) the Secret is read once per resourceVersion
// as the app identity and reduced to booleans and the connection host — no value is kept or returned.
import "server-only";
import { secretFactsFrom, type SecretFacts } from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import { kubeJson } from "@/lib/k8s/transport";
import { logger } from "@/lib/log/logger";

/** The keys whose values a check derives a fact from (see lib/checklist/snapshot.ts). */
const DECODED_KEYS = new Set(["connection", "fernet-key", "gitSshKey"]);
const MAX_MEMO = 5_000;

const holder = globalThis as unknown as { fluxtowerSecretFacts?: Map<string, { rv: string; facts: SecretFacts }> };
const memo = (holder.fluxtowerSecretFacts ??= new Map());

function cachedKeys(secret: KubeObject): string[] {
  return Array.isArray(secret.dataKeys) ? secret.dataKeys.filter((k): k is string => typeof k === "string") : [];
}

/** Facts from the cached (scrubbed) object: key names and metadata only. */
export function keyOnlyFacts(secret: KubeObject): SecretFacts {
  const data = Object.fromEntries(cachedKeys(secret).map((k) => [k, ""]));
  return secretFactsFrom({ ...secret, data, stringData: undefined }, false);
}

/** Facts of one cached Secret, decoding server-side only when a parsed key is present. */
export async function secretFacts(cluster: string, secret: KubeObject): Promise<SecretFacts> {
  if (!cachedKeys(secret).some((k) => DECODED_KEYS.has(k))) return keyOnlyFacts(secret);
  const ns = secret.metadata.namespace ?? "default";
  const key = `${cluster}/${ns}/${secret.metadata.name}`;
  const rv = secret.metadata.resourceVersion ?? "";
  const hit = memo.get(key);
  if (hit && hit.rv === rv && rv) return hit.facts;
  let facts: SecretFacts;
  try {
    const live = await kubeJson<KubeObject>(cluster, {
      path: `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(secret.metadata.name)}`,
    });
    facts = secretFactsFrom(live, true);
  } catch (err) {
    // Degrade to key names: the checks then say the value could not be inspected.
    logger.warn(
      { cluster, namespace: ns, secret: secret.metadata.name, err: err instanceof Error ? err.message : String(err) },
      "checklist: could not read Secret to derive facts",
    );
    return keyOnlyFacts(secret);
  }
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, { rv, facts });
  return facts;
}
