import { describe, expect, it } from "vitest";
import { isSafeRoleName, parseConnection, withPassword } from "./connection-url";
import { fernetKey, isFernetKey, isSafePassword, randomValue, tokenHex } from "./values";

describe("connection URLs", () => {
  it("parses and replaces the password, keeping everything else", () => {
    const url = "postgresql://airflow:Tr0ub4dor%263-airflow@db.internal:5432/airflow?sslmode=require";
    expect(parseConnection(url)).toEqual({ scheme: "postgresql", user: "airflow", password: "Tr0ub4dor&3-airflow", host: "db.internal", port: "5432", database: "airflow" });
    expect(withPassword(url, "n3w&pw")).toBe("postgresql://airflow:n3w%26pw@db.internal:5432/airflow?sslmode=require");
    expect(withPassword("postgresql+psycopg2://u@h/db", "x")).toBe("postgresql+psycopg2://u:x@h/db");
    expect(parseConnection("mysql://u:p@h/db")).toBeUndefined();
  });

  it("keeps role names and passwords out of shell and SQL quoting trouble", () => {
    expect(isSafeRoleName("airflow_user")).toBe(true);
    expect(isSafeRoleName('a"; DROP')).toBe(false);
    expect(isSafePassword("Tr0ub4dor&3-airflow")).toBe(true);
    expect(isSafePassword("it's-a-password")).toBe(false);
    expect(isSafePassword("$(reboot)-password")).toBe(false);
    expect(isSafePassword("short")).toBe(false);
  });
});

describe("generated values", () => {
  it("follow the requested length and character set", () => {
    expect(randomValue(40, "hex")).toMatch(/^[0-9a-f]{40}$/);
    expect(randomValue(16, "url-safe")).toMatch(/^[A-Za-z0-9._~-]{16}$/);
    expect(tokenHex()).toMatch(/^[0-9a-f]{32}$/);
  });

  it("makes valid Fernet keys", () => {
    const k = fernetKey();
    expect(isFernetKey(k)).toBe(true);
    expect(isFernetKey(`${k},${k}`)).toBe(false);
    expect(isFernetKey("not-a-key")).toBe(false);
  });
});
