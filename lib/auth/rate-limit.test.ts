import { describe, expect, it } from "vitest";
import { verdict } from "./rate-limit";

const T0 = Date.parse("2026-11-22T12:00:00Z");
const win = (count: number, startedSecondsAgo = 0) => ({ start: new Date(T0 - startedSecondsAgo * 1000), count });

describe("verdict", () => {
  it.each([
    { name: "no window yet", window: undefined, limit: 3, ok: true, retry: 0 },
    { name: "under the limit", window: win(2), limit: 3, ok: true, retry: 0 },
    { name: "the last allowed hit (the next one waits)", window: win(3), limit: 3, ok: true, retry: 60 },
    { name: "over the limit at the window's start", window: win(4), limit: 3, ok: false, retry: 60 },
    { name: "over the limit late in the window", window: win(11, 45), limit: 10, ok: false, retry: 15 },
    { name: "almost over: at least one second", window: win(11, 59.9), limit: 10, ok: false, retry: 1 },
    { name: "a window that has ended counts as none", window: win(50, 60), limit: 10, ok: true, retry: 0 },
  ])("$name", ({ window, limit, ok, retry }) => {
    expect(verdict(window, limit, 60_000, T0)).toEqual({ ok, retryAfter: retry });
  });
});
