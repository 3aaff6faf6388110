import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

// The server start-up hook (lib/http/peer-address.ts) stamps every incoming request with the address of the TCP
// peer in this header, overwriting whatever the client sent.
const PEER = "x-fluxtower-peer-address";

const req = (xff?: string, peer?: string) => {
  const headers: Record<string, string> = {};
  if (xff !== undefined) headers["x-forwarded-for"] = xff;
  if (peer !== undefined) headers[PEER] = peer;
  return new Request("http://x/", { headers });
};

describe("clientIp", () => {
  it.each([
    // Behind trusted proxies: each appends the address it saw, so the entry `hops` from the right is the client.
    { xff: "203.0.113.7", peer: "10.0.0.2", hops: 1, ip: "203.0.113.7" },
    { xff: "6.6.6.6, 203.0.113.7", peer: "10.0.0.2", hops: 1, ip: "203.0.113.7" }, // a spoofed entry in front is ignored
    { xff: "6.6.6.6, 203.0.113.7, 10.0.0.2", peer: "10.0.0.3", hops: 2, ip: "203.0.113.7" },
    { xff: "203.0.113.7", peer: "10.0.0.2", hops: 3, ip: "203.0.113.7" },
    // No proxy (0 hops): the socket's peer; whatever X-Forwarded-For says is the client's own claim.
    { xff: "6.6.6.6", peer: "198.51.100.4", hops: 0, ip: "198.51.100.4" },
    { xff: "6.6.6.6, 7.7.7.7", peer: "::ffff:198.51.100.4", hops: 0, ip: "::ffff:198.51.100.4" },
    { xff: undefined, peer: "198.51.100.4", hops: 0, ip: "198.51.100.4" },
    // A proxy hop configured but no header at all: the peer is the nearest address we know.
    { xff: undefined, peer: "198.51.100.4", hops: 1, ip: "198.51.100.4" },
  ])("X-Forwarded-For $xff, peer $peer, $hops trusted hop(s) → $ip", ({ xff, peer, hops, ip }) => {
    expect(clientIp(req(xff, peer), hops)).toBe(ip);
  });

  it("with 0 hops, changing X-Forwarded-For never changes the address", () => {
    const seen = new Set(["1.1.1.1", "2.2.2.2", "1.1.1.1, 2.2.2.2", ""].map((xff) => clientIp(req(xff, "192.0.2.10"), 0)));
    expect([...seen]).toEqual(["192.0.2.10"]);
  });

  it("without the peer stamp (no start-up hook, e.g. unit tests) every client shares one address, never the header's", () => {
    expect(clientIp(req("6.6.6.6"), 0)).toBe("unknown");
    expect(clientIp(req(), 1)).toBe("unknown");
  });
});
