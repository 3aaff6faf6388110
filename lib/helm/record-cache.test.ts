import { describe, expect, it } from "vitest";
import { RecordCache } from "./record-cache";

const later = <T>(v: T, ms = 5) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe("RecordCache", () => {
  it("concurrent callers for one key share one load", async () => {
    const cache = new RecordCache<string>(10, 1000, (v) => v.length);
    let loads = 0;
    const load = () => {
      loads++;
      return later("value");
    };
    const all = await Promise.all([cache.get("k", load), cache.get("k", load), cache.get("k", load)]);
    expect(all).toEqual(["value", "value", "value"]);
    expect(loads).toBe(1);
    expect(await cache.get("k", load)).toBe("value");
    expect(loads).toBe(1);
  });

  it("does not keep failed loads; the next caller loads again", async () => {
    const cache = new RecordCache<string>(10, 1000, (v) => v.length);
    await expect(cache.get("k", () => Promise.reject(new Error("forbidden")))).rejects.toThrow("forbidden");
    expect(cache.size).toBe(0);
    expect(await cache.get("k", () => later("ok"))).toBe("ok");
  });

  it.each([
    ["entries", 2, 1000, ["a", "b", "c"], ["b", "c"]],
    ["weight", 10, 8, ["aaaa", "bbbb", "cccc"], ["bbbb", "cccc"]],
  ])("evicts the least recently used past its %s bound", async (_bound, entries, weight, values, kept) => {
    const cache = new RecordCache<string>(entries, weight, (v) => v.length);
    for (const v of values) await cache.get(v, () => later(v, 0));
    const present: string[] = [];
    for (const v of values) await cache.get(v, () => Promise.reject(new Error("miss"))).then(() => present.push(v), () => undefined);
    expect(present).toEqual(kept);
    expect(cache.weight).toBeLessThanOrEqual(weight);
  });

  it("a hit refreshes recency; a value larger than the whole budget is returned but not kept", async () => {
    const cache = new RecordCache<string>(2, 100, (v) => v.length);
    await cache.get("a", () => later("a", 0));
    await cache.get("b", () => later("b", 0));
    await cache.get("a", () => later("x", 0)); // hit: a is now newest
    await cache.get("c", () => later("c", 0)); // evicts b
    await expect(cache.get("b", () => Promise.reject(new Error("miss")))).rejects.toThrow("miss");
    expect(await cache.get("a", () => later("x", 0))).toBe("a");
    expect(await cache.get("huge", () => later("h".repeat(101), 0))).toHaveLength(101);
    expect(cache.size).toBe(2);
  });
});
