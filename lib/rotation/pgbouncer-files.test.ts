import { describe, expect, it } from "vitest";
import { parseUsersTxt, rewriteStatsConnection, rewriteUsersTxt, statsConnectionOk, usersTxtHas } from "./pgbouncer-files";

describe("rewriteUsersTxt", () => {
  const cases: { name: string; text: string; role: string; password: string; want: string | { reason: RegExp }; changed?: boolean }[] = [
    { name: "the chart's single line", text: '"airflow" "old-pass"\n', role: "airflow", password: "N3w-pass", want: '"airflow" "N3w-pass"\n', changed: true },
    {
      name: "only the role's line among several users, spacing and trailing fields kept",
      text: '"stats" "s3cret"\n"airflow"   "old"  \n"admin" "adm"\n',
      role: "airflow",
      password: "fresh",
      want: '"stats" "s3cret"\n"airflow"   "fresh"  \n"admin" "adm"\n',
      changed: true,
    },
    { name: "a double quote is doubled inside the quotes", text: '"airflow" "old"', role: "airflow", password: 'pa"ss', want: '"airflow" "pa""ss"', changed: true },
    { name: "a quoted user name with a doubled quote matches", text: '"we""ird" "x"\n', role: 'we"ird', password: "y", want: '"we""ird" "y"\n', changed: true },
    { name: "CRLF line endings survive", text: '"airflow" "old"\r\n"b" "c"\r\n', role: "airflow", password: "new", want: '"airflow" "new"\r\n"b" "c"\r\n', changed: true },
    { name: "already rotated: unchanged", text: '"airflow" "same"\n', role: "airflow", password: "same", want: '"airflow" "same"\n', changed: false },
    { name: "SCRAM secrets of other users are kept verbatim", text: '"x" "SCRAM-SHA-256$4096:abc$def:ghi"\n"airflow" "a"\n', role: "airflow", password: "b", want: '"x" "SCRAM-SHA-256$4096:abc$def:ghi"\n"airflow" "b"\n', changed: true },
    { name: "the role is missing", text: '"other" "x"\n', role: "airflow", password: "n", want: { reason: /no line for role "airflow"/ } },
    { name: "a prefix of another user is not the role", text: '"airflow2" "x"\n', role: "airflow", password: "n", want: { reason: /no line/ } },
    { name: "empty file", text: "", role: "airflow", password: "n", want: { reason: /no line/ } },
  ];
  it.each(cases)("$name", ({ text, role, password, want, changed }) => {
    const r = rewriteUsersTxt(text, role, password);
    if (typeof want === "string") {
      expect(r).toEqual({ ok: true, text: want, changed });
      expect(usersTxtHas(want, role, password)).toBe(true);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(want.reason);
    }
  });

  it("parses users (later lines win, doubled quotes unescaped, junk ignored)", () => {
    expect([...parseUsersTxt('; comment\n"a" "1"\n"b" "x""y"\nnot a line\n"a" "2"\n')]).toEqual([
      ["a", "2"],
      ["b", 'x"y'],
    ]);
  });
});

describe("rewriteStatsConnection", () => {
  const url = "postgresql://airflow:old@127.0.0.1:6543/pgbouncer?sslmode=disable";
  it.each([
    { name: "the chart's stats URL", url, role: "airflow", pw: "n3w", want: "postgresql://airflow:n3w@127.0.0.1:6543/pgbouncer?sslmode=disable", changed: true },
    { name: "special characters are URL-encoded", url, role: "airflow", pw: "a@b/c:d", want: "postgresql://airflow:a%40b%2Fc%3Ad@127.0.0.1:6543/pgbouncer?sslmode=disable", changed: true },
    { name: "already new", url: "postgresql://airflow:n3w@127.0.0.1:6543/pgbouncer", role: "airflow", pw: "n3w", want: "postgresql://airflow:n3w@127.0.0.1:6543/pgbouncer", changed: false },
    { name: "a dedicated stats user is left alone", url: "postgresql://stats:s@127.0.0.1:6543/pgbouncer", role: "airflow", pw: "n3w", want: "postgresql://stats:s@127.0.0.1:6543/pgbouncer", changed: false },
  ])("$name", ({ url: u, role, pw, want, changed }) => {
    expect(rewriteStatsConnection(u, role, pw)).toEqual({ ok: true, text: want, changed });
    expect(statsConnectionOk(want, role, pw)).toBe(true);
  });

  it("refuses what is not a PostgreSQL URL", () => {
    expect(rewriteStatsConnection("host=127.0.0.1 user=airflow", "airflow", "x").ok).toBe(false);
    expect(statsConnectionOk(url, "airflow", "other")).toBe(false);
  });
});
