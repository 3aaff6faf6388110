// SECURITY.md S23: internal stores require authentication and TLS, and the database account has least privilege.
// - On PostgreSQL (npm test's second run, scripts/with-postgres.sh) the app connects as a role that is no superuser,
//   may not create databases or roles, owns only its own database and cannot even connect to the maintenance one;
//   connecting without the password fails; every connection of the running app uses that role.
// - On SQLite the database file is the store: only its owner may read or write it (mode 600).
// - Either way, the app refuses to start with a PostgreSQL DATABASE_URL that has no TLS (lib/config/database-tls.ts),
//   naming the variable and never the password.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseKind, sqliteFilePath } from "@/lib/db/database-url";
import { APP_URL, DEMO_DIR } from "./harness";
import { freePort } from "./app-instance";

const ROOT = path.resolve(__dirname, "../..");
const url = process.env.DATABASE_URL?.trim() ?? "";

async function withClient<T>(connectionString: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("S23: the app's database account", () => {
  it("is the stack's database (npm test sets DATABASE_URL for the app and the tests alike)", () => {
    expect(url, "DATABASE_URL").not.toBe("");
    expect(APP_URL).not.toBe("");
  });

  it("has least privilege: PostgreSQL role / SQLite file mode", async () => {
    if (databaseKind(url) === "sqlite") {
      const file = sqliteFilePath(url, ROOT);
      expect(file).not.toBeNull();
      expect(statSync(file as string).mode & 0o777, "owner read/write only").toBe(0o600);
      return;
    }
    await withClient(url, async (c) => {
      const role = (
        await c.query(
          `SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolbypassrls,
                  pg_get_userbyid(d.datdba) AS owner
             FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
        )
      ).rows[0] as Record<string, unknown>;
      expect(role).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false });
      expect(role.rolname).not.toBe("postgres");
      expect(role.owner, "it owns the database it uses").toBe(role.rolname);
      await expect(c.query(`CREATE DATABASE s23_should_not_exist`)).rejects.toThrow(/permission denied to create database/);
      await expect(c.query(`CREATE ROLE s23_should_not_exist`)).rejects.toThrow(/permission denied to create role/);
      const owned = (await c.query(`SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`)).rows.map((r: { datname: string }) => r.datname);
      expect(owned, "the only database it owns").toEqual([(await c.query(`SELECT current_database() AS d`)).rows[0].d]);
      // Every connection of the running app to this database uses the same role (none is the superuser).
      const others = (await c.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map((r: { usename: string }) => r.usename);
      expect(others.length, "the app holds connections").toBeGreaterThan(0);
      expect(others).toEqual([role.rolname]);
    });
    const maintenance = new URL(url);
    maintenance.pathname = "/postgres";
    await expect(withClient(maintenance.toString(), async () => undefined)).rejects.toThrow(/permission denied for database "postgres"/);
  });

  it("needs its credentials: connecting without the password fails", async () => {
    if (databaseKind(url) === "sqlite") {
      // No login on SQLite: the file mode above is the access control; another OS user cannot open the file.
      expect(statSync(sqliteFilePath(url, ROOT) as string).mode & 0o077).toBe(0);
      return;
    }
    const noPassword = new URL(url);
    noPassword.password = "";
    await expect(withClient(noPassword.toString(), async () => undefined)).rejects.toThrow(/password/i);
    const wrongPassword = new URL(url);
    wrongPassword.password = "not-the-password";
    await expect(withClient(wrongPassword.toString(), async () => undefined)).rejects.toThrow(/password authentication failed/);
  });
});

describe("S23: no PostgreSQL without TLS", () => {
  it.each([
    "postgresql://fluxtower:s23-Secret-pw@db.internal.example:5432/fluxtower",
    "postgresql://fluxtower:s23-Secret-pw@db.internal.example:5432/fluxtower?sslmode=disable",
  ])("`next start` with DATABASE_URL=%s stops at start-up, naming the variable", async (bad) => {
    const port = await freePort();
    const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PORT: String(port), DATABASE_URL: bad, KUBECONFIG: path.join(DEMO_DIR, "fluxtower.kubeconfig"), NEXT_TELEMETRY_DISABLED: "1" },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
        resolve(null);
      }, 60_000);
      child.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toMatch(/Invalid configuration:\s*\nDATABASE_URL: (PostgreSQL needs TLS|sslmode=disable \(no TLS\) is accepted only for a server on this machine)/);
    expect(output).not.toContain("s23-Secret-pw");
  }, 90_000);
});
