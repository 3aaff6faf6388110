// The TCP peer of each request, for the per-address limits (issue 18, fix 7). Next.js gives route handlers no
// socket and fills X-Forwarded-For from it only when the client sent none — so with no proxy in front, the header is
// whatever the client wants. At server start this hook stamps every incoming request with the socket's remote
// address in PEER_ADDRESS_HEADER, overwriting any value the client sent; lib/auth/client-ip.ts reads it.
import "server-only";
import http from "node:http";

export const PEER_ADDRESS_HEADER = "x-fluxtower-peer-address";

const INSTALLED = Symbol.for("fluxtower.peerAddressHook");

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** Installs the hook on every http.Server of this process (Next.js's included). Idempotent. */
export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" || event === "checkContinue" || event === "upgrade") stamp(args[0]);
    return original.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}

function stamp(req: unknown): void {
  if (!(req instanceof http.IncomingMessage)) return;
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
  else delete req.headers[PEER_ADDRESS_HEADER];
}
