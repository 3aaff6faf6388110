import { describe, expect, it } from "vitest";
import { adapterOf, capabilitiesOf, chooseAdapter } from "./index";

describe("chooseAdapter (by the store's status.capabilities)", () => {
  it.each([
    [{ capabilities: "ReadWrite" }, "push-secret"],
    [{ capabilities: "WriteOnly" }, "push-secret"],
    [{ capabilities: "ReadOnly" }, "manual"],
    [{ capabilities: "readwrite" }, "manual"],
    [{ capabilities: 1 }, "manual"],
    [{}, "manual"],
    [undefined, "manual"],
    [null, "manual"],
  ] as const)("status %j → %s", (status, expected) => {
    expect(chooseAdapter(capabilitiesOf(status))).toBe(expected);
  });
});

describe("adapterOf (stored journals)", () => {
  it.each([
    ["push-secret", "push-secret"],
    ["manual", "manual"],
    ["demo-vault", "push-secret"],
    ["something-else", "manual"],
    [undefined, "manual"],
  ] as const)("%s → %s", (stored, expected) => {
    expect(adapterOf(stored)).toBe(expected);
  });
});
