// Issue 18, fix 7: the per-address limits key on an address the client cannot choose. With the default
// FLUXTOWER_TRUSTED_PROXY_HOPS=0 that is the TCP peer of the connection; X-Forwarded-For is the client's own claim
// and is ignored. (The main test stack runs with 1 hop — it plays the proxy so tests can pick addresses — so this
// file starts its own instance with the default.) Connections come from distinct loopback addresses
// (127.0.0.0/8 is all local on Linux), so the peer address really differs between the two "clients".
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startInstance, type AppInstance } from "./app-instance";

let app: AppInstance | undefined;

beforeAll(async () => {
  // FLUXTOWER_TRUSTED_PROXY_HOPS unset: the product default.
  app = await startInstance(await freePort(), { FLUXTOWER_TRUSTED_PROXY_HOPS: undefined });
}, 120_000);

afterAll(() => app?.kill());

/** POST /api/v1/session from the given local address, with the given X-Forwarded-For. */
function signInFrom(localAddress: string, xff: string, password: string): Promise<number> {
  const base = new URL(app?.url ?? "");
  const body = JSON.stringify({ username: "viewer", password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: "/api/v1/session",
        method: "POST",
        localAddress,
        headers: { origin: base.origin, "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": xff },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("per-address sign-in limit with the default of 0 trusted proxy hops", () => {
  it("a new X-Forwarded-For on every attempt does not reset the failure count", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await signInFrom("127.0.0.2", `203.0.113.${i + 1}`, `wrong-${i}`));
    expect(statuses).toEqual(Array(10).fill(401));
    // the 11th attempt, under yet another forwarded address and with the right password, is still limited
    expect(await signInFrom("127.0.0.2", "198.51.100.77", "demo")).toBe(429);
  });

  it("another peer address is counted on its own", async () => {
    expect(await signInFrom("127.0.0.3", "203.0.113.1", "demo")).toBe(200);
  });
});
