// Audit rows as CSV (RFC 4180): every field quoted, quotes doubled, and cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe.
import type { AuditRecord } from "@/lib/db/audit";

export const AUDIT_CSV_COLUMNS = [
  "at",
  "actor",
  "actorSubject",
  "groups",
  "action",
  "cluster",
  "resource",
  "namespace",
  "name",
  "outcome",
  "message",
  "reason",
  "token",
  "requestId",
  "detail",
] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function field(row: AuditRecord, column: (typeof AUDIT_CSV_COLUMNS)[number]): string {
  switch (column) {
    case "at":
      return row.at.toISOString();
    case "groups":
      return row.groups.join(" ");
    case "detail":
      return JSON.stringify(row.detail);
    default:
      return row[column] ?? "";
  }
}

export function auditCsv(rows: readonly AuditRecord[]): string {
  const lines = [AUDIT_CSV_COLUMNS.map(csvCell).join(",")];
  for (const row of rows) lines.push(AUDIT_CSV_COLUMNS.map((c) => csvCell(field(row, c))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
