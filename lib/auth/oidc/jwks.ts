// The provider's signing keys (JWKS), cached for 10 minutes. A token whose `kid` is not in the cached set makes
// one refetch (at most every 30 s), so key rotation works without letting forged kids hammer the provider.
import { z } from "zod";
import { OidcError } from "./errors";
import { fetchJson } from "./fetch-json";
import type { Jwk } from "./jws";

const jwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  alg: z.string().optional(),
});
const jwksSchema = z.object({ keys: z.array(jwkSchema).max(100) });

const TTL_MS = 10 * 60_000;
const REFETCH_MIN_MS = 30_000;

interface Entry {
  at: number;
  keys: Jwk[];
}

const holder = globalThis as unknown as { fluxtowerJwks?: Map<string, Entry> };
const cache: Map<string, Entry> = (holder.fluxtowerJwks ??= new Map());

async function fetchKeys(jwksUri: string): Promise<Jwk[]> {
  const res = await fetchJson(jwksUri, { headers: { accept: "application/json" } }, "provider_unavailable");
  if (res.status !== 200) throw new OidcError("provider_unavailable", `JWKS answered ${res.status}`);
  const parsed = jwksSchema.safeParse(res.body);
  if (!parsed.success) throw new OidcError("provider_unavailable", "JWKS document is invalid");
  const keys = parsed.data.keys as Jwk[];
  cache.set(jwksUri, { at: Date.now(), keys });
  return keys;
}

/** The keys to try for a token with this `kid` (refetching once when it is unknown). */
export async function signingKeys(jwksUri: string, kid: string | undefined): Promise<Jwk[]> {
  const hit = cache.get(jwksUri);
  const now = Date.now();
  if (!hit || now - hit.at >= TTL_MS) return fetchKeys(jwksUri);
  const known = kid === undefined || hit.keys.some((k) => k.kid === kid);
  if (!known && now - hit.at >= REFETCH_MIN_MS) return fetchKeys(jwksUri);
  return hit.keys;
}
