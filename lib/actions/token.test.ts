import { describe, expect, it } from "vitest";
import { formatNanoToken, nextToken, restartTimestamp, TOKEN_PATTERN, TokenSource, unixSeconds } from "./token";

describe("request tokens", () => {
  it("formats RFC 3339 UTC with exactly 9 fractional digits", () => {
    const ms = Date.UTC(2025, 5, 12, 10, 20, 30, 123);
    expect(formatNanoToken({ ms, subMsNanos: 456789 })).toBe("2025-06-12T10:20:30.123456789Z");
    expect(formatNanoToken({ ms, subMsNanos: 7 })).toBe("2025-06-12T10:20:30.123000007Z");
    expect(formatNanoToken({ ms: Date.UTC(2025, 0, 1), subMsNanos: 0 })).toBe("2025-01-01T00:00:00.000000000Z");
  });

  it("the process token source matches the pattern and parses as a date", () => {
    const t = nextToken();
    expect(t).toMatch(TOKEN_PATTERN);
    expect(Number.isNaN(Date.parse(t))).toBe(false);
  });

  it("never repeats, even with a frozen clock", () => {
    const src = new TokenSource(() => 1_700_000_000_000, () => 42n);
    const tokens = Array.from({ length: 1000 }, () => src.next());
    expect(new Set(tokens).size).toBe(1000);
    expect(tokens[0]).toBe("2023-11-14T22:13:20.000000042Z");
    expect(tokens[1]).toBe("2023-11-14T22:13:20.000000043Z");
    expect([...tokens].sort()).toEqual(tokens);
  });

  it("carries sub-millisecond overflow into the milliseconds", () => {
    const src = new TokenSource(() => 1_700_000_000_000, () => 999_999n);
    expect(src.next()).toBe("2023-11-14T22:13:20.000999999Z");
    expect(src.next()).toBe("2023-11-14T22:13:20.001000000Z");
  });

  it("restart timestamps have second precision like kubectl; force-sync uses unix seconds", () => {
    const ms = Date.UTC(2025, 5, 12, 10, 20, 30, 999);
    expect(restartTimestamp(ms)).toBe("2025-06-12T10:20:30Z");
    expect(unixSeconds(ms)).toBe(String(Math.floor(ms / 1000)));
  });
});
