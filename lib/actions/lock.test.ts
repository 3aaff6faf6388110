import { describe, expect, it } from "vitest";
import { KeyedMutex } from "./lock";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("KeyedMutex", () => {
  it("runs callers with the same key one at a time, in order", async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    const job = (id: string) =>
      m.run("k", async () => {
        log.push(`start ${id}`);
        await tick();
        log.push(`end ${id}`);
        return id;
      });
    expect(await Promise.all([job("a"), job("b"), job("c")])).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(m.size()).toBe(0);
  });

  it("different keys run concurrently and a failure releases the lock", async () => {
    const m = new KeyedMutex();
    const log: string[] = [];
    await Promise.all([
      m.run("x", async () => {
        log.push("x");
        await tick();
      }),
      m.run("y", async () => {
        log.push("y");
        await tick();
      }),
    ]);
    expect(log).toEqual(["x", "y"]);
    await expect(m.run("z", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await m.run("z", async () => "after")).toBe("after");
  });
});
