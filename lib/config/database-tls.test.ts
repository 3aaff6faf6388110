// S23: PostgreSQL needs TLS, or an explicit sslmode=disable to a server on this machine.
// Expected parameter meanings are node-postgres's: node_modules/pg-connection-string/index.js (parse(): `ssl=true|1`,
// `sslmode` → ssl config; the `host` query parameter overrides the URL host).
import { parse } from "pg-connection-string";
import { describe, expect, it } from "vitest";
import { postgresTlsProblem } from "./database-tls";

describe("postgresTlsProblem", () => {
  it.each([
    // Managed services and in-cluster operators (CloudNativePG's `<cluster>-rw` Service) with TLS.
    "postgresql://fluxtower:pw@fluxtower.abc123.eu-west-1.rds.amazonaws.com:5432/fluxtower?sslmode=verify-full",
    "postgresql://fluxtower:pw@fluxtower-db-rw.fluxtower.svc:5432/fluxtower?sslmode=require",
    "postgres://fluxtower:pw@db.internal.example/fluxtower?sslmode=verify-ca&sslrootcert=/etc/ssl/db-ca.pem",
    "postgres://fluxtower:pw@db.internal.example/fluxtower?ssl=true",
    "postgres://fluxtower:pw@db.internal.example/fluxtower?SSLMODE=x&sslmode=VERIFY-FULL",
    // Plain text, explicitly, to this machine (what scripts/with-postgres.sh exports).
    "postgresql://fluxtower_app:pw@127.0.0.1:54321/fluxtower?sslmode=disable",
    "postgresql://fluxtower_app:pw@localhost/fluxtower?sslmode=disable",
    "postgresql://fluxtower_app:pw@[::1]:5432/fluxtower?sslmode=disable",
    "postgresql://fluxtower_app@/fluxtower?host=/var/run/postgresql&sslmode=disable",
  ])("accepts %s", (url) => {
    expect(postgresTlsProblem(url)).toBeNull();
  });

  it.each([
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower", problem: /needs TLS.*sslmode=verify-full/ },
    { url: "postgresql://fluxtower:pw@127.0.0.1:5432/fluxtower", problem: /explicit sslmode=disable/ },
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower?sslmode=disable", problem: /only for a server on this machine.*"db\.internal\.example"/ },
    { url: "postgresql://fluxtower:pw@10.0.0.7/fluxtower?sslmode=disable", problem: /not for host "10\.0\.0\.7"/ },
    // The `host` parameter wins over the URL's host in node-postgres, so a loopback-looking URL is not enough.
    { url: "postgresql://fluxtower:pw@127.0.0.1/fluxtower?host=db.internal.example&sslmode=disable", problem: /not for host "db\.internal\.example"/ },
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower?sslmode=prefer", problem: /sslmode=prefer may connect without TLS/ },
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower?sslmode=allow", problem: /sslmode=allow/ },
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower?sslmode=no-verify", problem: /without checking the server's certificate/ },
    { url: "postgresql://fluxtower:pw@db.internal.example/fluxtower?ssl=false", problem: /needs TLS/ },
    { url: "postgresql://fluxtower:pw@localhost:5432/fluxtower?ssl=0", problem: /explicit sslmode=disable/ },
  ])("refuses $url", ({ url, problem }) => {
    const found = postgresTlsProblem(url);
    expect(found).toMatch(problem);
    expect(found, "the message never repeats the password").not.toContain("pw@");
  });

  it("agrees with node-postgres on which host is used and whether TLS is on", () => {
    const overridden = parse("postgresql://u:pw@127.0.0.1/db?host=db.internal.example&sslmode=disable");
    expect(overridden.host).toBe("db.internal.example");
    expect(overridden.ssl).toBe(false);
    expect(parse("postgresql://u:pw@db.internal.example/db?ssl=true").ssl).toBe(true);
    expect(parse("postgresql://u:pw@db.internal.example/db?sslmode=require").ssl).toEqual({});
    expect(parse("postgresql://u:pw@db.internal.example/db").ssl).toBeUndefined();
  });
});
