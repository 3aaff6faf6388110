// Server-to-provider HTTP: a timeout, no redirects (the configured URLs are used as given), a response size cap,
// and JSON parsing. Nothing here logs request or response bodies (they carry codes and tokens).
import { OidcError, type OidcFailure } from "./errors";

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 512 * 1024;

export interface JsonResponse {
  status: number;
  body: unknown;
}

export async function fetchJson(url: string, init: RequestInit, failure: OidcFailure): Promise<JsonResponse> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "error", cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new OidcError(failure, `request to ${new URL(url).origin}${new URL(url).pathname} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await readCapped(res, failure);
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new OidcError(failure, `${new URL(url).pathname} answered ${res.status} with a body that is not JSON`);
  }
  return { status: res.status, body };
}

async function readCapped(res: Response, failure: OidcFailure): Promise<string> {
  if (!res.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}
