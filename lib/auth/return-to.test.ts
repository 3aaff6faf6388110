import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/clusters/demo?x=1#y", "/clusters/demo?x=1#y"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/ok\\..\\evil", "/"],
    ["javascript:alert(1)", "/"],
    ["/a\nSet-Cookie: x=1", "/"],
    ["/" + "a".repeat(600), "/"],
  ])("%j → %j", (input, want) => {
    expect(safeReturnTo(input)).toBe(want);
  });
});
