import { describe, expect, it } from "vitest";
import { beginShutdown, isShuttingDown, openStreamCount, trackStream } from "./state";

describe("shutdown state", () => {
  it("ends every tracked stream once, with the reason, and counts only open ones", () => {
    const ended: string[] = [];
    trackStream((r) => ended.push(`a:${r}`));
    const untrackB = trackStream((r) => ended.push(`b:${r}`));
    trackStream(() => {
      throw new Error("broken stream");
    });
    untrackB();
    expect(openStreamCount()).toBe(2);
    expect(isShuttingDown()).toBe(false);
    expect(beginShutdown("server shutting down")).toBe(2);
    expect(ended).toEqual(["a:server shutting down"]);
    expect(isShuttingDown()).toBe(true);
    expect(openStreamCount()).toBe(0);
    expect(beginShutdown("again")).toBe(0);
  });
});
