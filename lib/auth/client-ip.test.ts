import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const req = (xff?: string) => new Request("http://x/", { headers: xff === undefined ? {} : { "x-forwarded-for": xff } });

describe("clientIp", () => {
  it.each([
    { xff: "203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { xff: "6.6.6.6, 203.0.113.7", hops: 1, ip: "203.0.113.7" }, // a spoofed entry in front is ignored
    { xff: "6.6.6.6, 203.0.113.7, 10.0.0.2", hops: 2, ip: "203.0.113.7" },
    { xff: "203.0.113.7", hops: 3, ip: "203.0.113.7" },
    { xff: "", hops: 1, ip: "local" },
    { xff: undefined, hops: 1, ip: "local" },
  ])("$xff with $hops trusted hop(s) → $ip", ({ xff, hops, ip }) => {
    expect(clientIp(req(xff), hops)).toBe(ip);
  });
});
