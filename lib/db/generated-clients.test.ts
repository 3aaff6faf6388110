// Type-level proof behind the one cast in lib/db/client.ts (PostgreSQL client used as `Db`, the SQLite
// client's type): rows come back with identical types, and every argument written against `Db` is also
// a valid argument for the PostgreSQL client (which accepts a few extras, e.g. `skipDuplicates`).
// Fails `tsc --noEmit` otherwise.
import { describe, expect, it } from "vitest";
import type * as Pg from "./generated/postgresql/client";
import type * as Sqlite from "./generated/sqlite/client";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Extends<A, B> = [A] extends [B] ? true : false;
type Expect<T extends true> = T;

export type ModelChecks = [
  Expect<Equal<Pg.User, Sqlite.User>>,
  Expect<Equal<Pg.Session, Sqlite.Session>>,
  Expect<Equal<Pg.AuditEvent, Sqlite.AuditEvent>>,
  Expect<Equal<Pg.Operation, Sqlite.Operation>>,
  Expect<Extends<Sqlite.Prisma.UserCreateArgs, Pg.Prisma.UserCreateArgs>>,
  Expect<Extends<Sqlite.Prisma.UserFindManyArgs, Pg.Prisma.UserFindManyArgs>>,
  Expect<Extends<Sqlite.Prisma.SessionCreateArgs, Pg.Prisma.SessionCreateArgs>>,
  Expect<Extends<Sqlite.Prisma.SessionUpdateManyArgs, Pg.Prisma.SessionUpdateManyArgs>>,
  Expect<Extends<Sqlite.Prisma.AuditEventCreateArgs, Pg.Prisma.AuditEventCreateArgs>>,
  Expect<Extends<Sqlite.Prisma.AuditEventFindManyArgs, Pg.Prisma.AuditEventFindManyArgs>>,
  Expect<Extends<Sqlite.Prisma.OperationCreateArgs, Pg.Prisma.OperationCreateArgs>>,
  Expect<Extends<Sqlite.Prisma.OperationUpdateArgs, Pg.Prisma.OperationUpdateArgs>>,
  Expect<Extends<Sqlite.Prisma.OperationFindManyArgs, Pg.Prisma.OperationFindManyArgs>>,
  Expect<Equal<keyof Pg.PrismaClient, keyof Sqlite.PrismaClient>>,
];

describe("generated clients", () => {
  it("both expose the same model names at run time", async () => {
    const pg = await import("./generated/postgresql/client");
    const sqlite = await import("./generated/sqlite/client");
    expect(Object.keys(pg.Prisma.ModelName)).toEqual(Object.keys(sqlite.Prisma.ModelName));
    expect(Object.keys(sqlite.Prisma.ModelName)).toEqual(
      expect.arrayContaining(["User", "Session", "AuditEvent", "Operation"]),
    );
  });
});
