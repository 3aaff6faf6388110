import { describe, expect, it } from "vitest";
import type { AuditRecord } from "@/lib/db/audit";
import { auditCsv, csvCell } from "./csv";

describe("audit CSV", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ["a,b\nc", '"a,b\nc"'],
    ["=HYPERLINK(\"http://x\")", '"\'=HYPERLINK(""http://x"")"'],
    ["+1", '"\'+1"'],
    ["-1", '"\'-1"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
  ])("%j → %s", (value, cell) => expect(csvCell(value)).toBe(cell));

  it("writes a header and one CRLF line per row", () => {
    const row: AuditRecord = {
      id: "1",
      at: new Date("2025-01-02T03:04:05.000Z"),
      requestId: "r1",
      actor: "alice",
      actorSubject: "https://idp|alice",
      groups: ["oidc:admins"],
      action: "token.create",
      cluster: null,
      resource: null,
      namespace: null,
      name: "ci",
      reason: null,
      token: null,
      outcome: "success",
      message: null,
      detail: { prefix: "ft_abc" },
    };
    const csv = auditCsv([row]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^"at","actor",/);
    expect(lines[1]).toContain('"2025-01-02T03:04:05.000Z","alice","https://idp|alice","oidc:admins","token.create"');
    expect(lines[1]).toContain('"{""prefix"":""ft_abc""}"');
    expect(lines).toHaveLength(3);
  });
});
