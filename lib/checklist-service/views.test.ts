import { describe, expect, it } from "vitest";
import type { WaiverRow } from "./store/waivers";
import { waiverViews } from "./views";

const base: WaiverRow = {
  id: "w1",
  checkId: "pgbouncer.enabled",
  reason: "next sprint",
  requestedBy: "operator",
  requestedBySubject: "demo:operator",
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2026-01-15T00:00:00.000Z",
  state: "requested",
};
const during = new Date("2026-01-05T00:00:00Z");
const after = new Date("2026-01-20T00:00:00Z");

describe("waiver views", () => {
  it("a pending request waits for approval until it lapses, then reads expired", () => {
    expect(waiverViews([base], during)[0].effect).toBe("unapproved");
    expect(waiverViews([base], after)[0].effect).toBe("expired");
  });

  it("an approved waiver is valid within its window and expired after", () => {
    const approved: WaiverRow = {
      ...base,
      state: "approved",
      approvedBy: "admin",
      approvedAt: "2026-01-02T00:00:00.000Z",
    };
    expect(waiverViews([approved], during)[0].effect).toBe("valid");
    expect(waiverViews([approved], after)[0].effect).toBe("expired");
  });

  it("a waiver approved by its requester never counts, and the requester's subject is not sent", () => {
    const self: WaiverRow = { ...base, state: "approved", approvedBy: "Operator" };
    const view = waiverViews([self], during)[0];
    expect(view.effect).toBe("self-approved");
    expect(view).not.toHaveProperty("requestedBySubject");
  });
});
