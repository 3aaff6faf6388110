import { describe, expect, it } from "vitest";
import { auditFilterSchema, toAuditQuery } from "./filters";

describe("audit filters", () => {
  it("ignores blank fields (an empty GET form)", () => {
    const f = auditFilterSchema.parse({ user: "", action: " ", outcome: "", from: "", to: "" });
    expect(toAuditQuery(f)).toEqual({ limit: 200, actorContains: undefined, actionPrefix: undefined, target: undefined, outcome: undefined, since: undefined, before: undefined });
  });

  it("maps every filter; a date-only `to` includes that day", () => {
    const f = auditFilterSchema.parse({ user: "ali", action: "token.", target: "airflow", outcome: "denied", from: "2025-01-01", to: "2025-01-31", limit: "50" });
    expect(toAuditQuery(f)).toEqual({
      limit: 50,
      actorContains: "ali",
      actionPrefix: "token.",
      target: "airflow",
      outcome: "denied",
      since: new Date("2025-01-01T00:00:00Z"),
      before: new Date("2025-02-01T00:00:00Z"),
    });
  });

  it("reads datetime-local values as UTC", () => {
    const f = auditFilterSchema.parse({ from: "2025-01-01T10:20", to: "2025-01-01T11:00:30" });
    expect(toAuditQuery(f).since).toEqual(new Date("2025-01-01T10:20:00Z"));
    expect(toAuditQuery(f).before).toEqual(new Date("2025-01-01T11:00:30Z"));
  });

  it.each([
    { outcome: "maybe" },
    { from: "yesterday" },
    { to: "2025-13-45" },
    { limit: "0" },
    { limit: "5000" },
    { user: "x".repeat(200) },
  ])("rejects %j", (input) => {
    expect(auditFilterSchema.safeParse(input).success).toBe(false);
  });
});
