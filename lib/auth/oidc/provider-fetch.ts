// Server-to-provider HTTP for openid-client (its `customFetch` hook): no caching, a response size cap, and a
// failure that names which of our error codes applies (discovery/JWKS → provider_unavailable, token endpoint →
// token_exchange, UserInfo → invalid_id_token). openid-client itself sets the timeout and `redirect: "manual"`.
// Nothing here logs request or response bodies (they carry codes and tokens).
import type { CustomFetch } from "openid-client";
import { OidcError, type OidcFailure } from "./errors";

const MAX_BYTES = 512 * 1024;

export type FailureFor = (url: string) => OidcFailure;

async function readCapped(res: Response, failure: OidcFailure): Promise<Uint8Array | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new OidcError(failure, `response larger than ${MAX_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return size === 0 ? null : Buffer.concat(chunks);
}

export function providerFetch(failureFor: FailureFor): CustomFetch {
  return async (url, options) => {
    const failure = failureFor(url);
    const where = `${new URL(url).origin}${new URL(url).pathname}`;
    let res: Response;
    try {
      res = await fetch(url, { ...options, cache: "no-store" } as RequestInit);
    } catch (err) {
      throw new OidcError(failure, `request to ${where} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const body = await readCapped(res, failure);
    return new Response(body as BodyInit | null, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
