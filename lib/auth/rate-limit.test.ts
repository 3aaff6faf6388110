import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it.each([
    { limit: 3, hits: 3, allowedLast: true, retry: 0 },
    { limit: 3, hits: 4, allowedLast: false, retry: 60 },
    { limit: 10, hits: 11, allowedLast: false, retry: 60 },
  ])("limit $limit after $hits hits → allowed=$allowedLast", ({ limit, hits, allowedLast, retry }) => {
    let t = 1_000_000;
    const l = new RateLimiter(limit, 60_000, () => t);
    let last = true;
    for (let i = 0; i < hits; i++) last = l.hit("ip");
    expect(last).toBe(allowedLast);
    expect(l.retryAfter("ip")).toBe(retry === 0 ? (hits >= limit ? 60 : 0) : retry);
    t += 60_000;
    expect(l.retryAfter("ip")).toBe(0);
    expect(l.hit("ip")).toBe(true);
  });

  it("keeps keys apart", () => {
    const l = new RateLimiter(1, 1000, () => 0);
    expect(l.hit("a")).toBe(true);
    expect(l.hit("a")).toBe(false);
    expect(l.hit("b")).toBe(true);
  });
});
