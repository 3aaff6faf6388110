// Every model through getDb(), on SQLite by default and on PostgreSQL when DATABASE_URL is a
// postgres(ql):// URL: the same code and the same generated types on both databases.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/lib/db/audit";
import { listAuditEvents, recordAuditEvent } from "@/lib/db/audit";
import { closeDb, getDb, type Db } from "@/lib/db/client";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

let database: TestDatabase;
let db: Db;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await createTestDatabase();
  await closeDb();
  process.env.DATABASE_URL = database.url;
  const started = performance.now();
  db = await getDb();
  console.info(`[${testKind}] getDb() on a fresh database: ${Math.round(performance.now() - started)} ms`);
});

afterAll(async () => {
  await closeDb();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await database.drop();
});

describe(`database client on ${testKind}`, () => {
  it("is one shared, already migrated client", async () => {
    expect(await getDb()).toBe(db);
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(first).toBe(second);
    const rows = await database.query(`SELECT "name" FROM "_fluxtower_migrations"`);
    expect(rows.map((row) => row.name)).toContain("0001_init");
  });

  it("creates, reads, updates and deletes users; subject is unique", async () => {
    const user = await db.user.create({
      data: { subject: "demo:admin", name: "admin", role: "admin", groups: JSON.stringify(["platform"]) },
    });
    expect(user.id).toMatch(/^c[a-z0-9]{20,}$/);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(JSON.parse(user.groups)).toEqual(["platform"]);
    expect(user.email).toBeNull();

    const seen = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678));
    await db.user.update({ where: { subject: "demo:admin" }, data: { lastSeenAt: seen, email: "a@example.test" } });
    const reread = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(reread.lastSeenAt.toISOString()).toBe("2030-01-02T03:04:05.678Z");
    expect(reread.email).toBe("a@example.test");

    await expect(db.user.create({ data: { subject: "demo:admin", name: "dup", role: "viewer" } })).rejects.toThrow(
      /Unique constraint/,
    );
    await db.user.delete({ where: { id: user.id } });
    expect(await db.user.count({ where: { subject: "demo:admin" } })).toBe(0);
  });

  it("stores sessions by hashed secret, finds live ones and cascades on user delete", async () => {
    const user = await db.user.create({ data: { subject: "demo:viewer", name: "viewer", role: "viewer" } });
    const secret = randomBytes(32).toString("base64url");
    const id = createHash("sha256").update(secret).digest("hex");
    const now = Date.now();
    await db.session.create({
      data: {
        id,
        userId: user.id,
        idleExpiresAt: new Date(now + 30 * 60_000),
        absoluteExpiresAt: new Date(now + 12 * 3600_000),
        ip: "127.0.0.1",
        userAgent: "vitest",
      },
    });
    const live = await db.session.findFirst({
      where: { id, revokedAt: null, idleExpiresAt: { gt: new Date(now) }, absoluteExpiresAt: { gt: new Date(now) } },
      include: { user: true },
    });
    expect(live?.user.subject).toBe("demo:viewer");

    await db.session.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await db.session.count({ where: { id, revokedAt: null } })).toBe(0);

    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("records and queries audit events newest first, with filters", async () => {
    const base = Date.UTC(2031, 5, 1);
    for (let i = 0; i < 5; i += 1) {
      await recordAuditEvent({
        at: new Date(base + i * 1000),
        requestId: `req-${i}`,
        actor: i % 2 === 0 ? "alice" : "bob",
        actorSubject: "issuer|alice",
        groups: ["ops"],
        action: i === 4 ? "kustomization.suspend" : "kustomization.reconcile",
        cluster: "prod",
        resource: "Kustomization",
        namespace: "flux-system",
        name: "apps",
        outcome: i === 3 ? "denied" : "success",
        detail: { attempt: i, nested: { ok: true } },
      });
    }
    const all = await listAuditEvents({ cluster: "prod" });
    expect(all.map((event) => event.requestId)).toEqual(["req-4", "req-3", "req-2", "req-1", "req-0"]);
    expect(all[0]).toMatchObject({ groups: ["ops"], detail: { attempt: 4, nested: { ok: true } }, outcome: "success" });
    expect(all[0].at.toISOString()).toBe(new Date(base + 4000).toISOString());

    expect((await listAuditEvents({ actor: "alice", cluster: "prod" })).map((e) => e.requestId)).toEqual([
      "req-4",
      "req-2",
      "req-0",
    ]);
    expect((await listAuditEvents({ outcome: "denied" })).map((e) => e.requestId)).toEqual(["req-3"]);
    expect((await listAuditEvents({ action: "kustomization.suspend" })).map((e) => e.requestId)).toEqual(["req-4"]);
    const window = await listAuditEvents({ since: new Date(base + 1000), before: new Date(base + 3000), limit: 10 });
    expect(window.map((e) => e.requestId)).toEqual(["req-2", "req-1"]);
    expect(await listAuditEvents({ cluster: "prod", limit: 2 })).toHaveLength(2);

    const minimal = await recordAuditEvent({
      requestId: "req-min",
      actor: "system",
      action: "startup",
      outcome: "success",
    });
    expect(minimal).toMatchObject({ groups: [], detail: {}, cluster: null, token: null });
    expect(Math.abs(minimal.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("writes audit events inside a transaction with other changes", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent({ requestId: "req-tx", actor: "alice", action: "tx", outcome: "success" }, tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await listAuditEvents({ action: "tx" })).toEqual([]);
  });

  it("exposes no way to change or remove audit events", () => {
    const names = Object.keys(audit);
    expect(names.sort()).toEqual(["listAuditEvents", "recordAuditEvent"]);
    expect(names.filter((name) => /update|delete|remove|upsert|prune|clear/i.test(name))).toEqual([]);
  });

  it("tracks operations through their states", async () => {
    const created = await db.operation.create({
      data: {
        cluster: "prod",
        action: "reconcile",
        resource: "Kustomization",
        namespace: "flux-system",
        name: "apps",
        withSource: true,
        user: "alice",
        groups: JSON.stringify(["ops"]),
        requestId: "req-op",
        timeoutAt: new Date(Date.now() + 5 * 60_000),
      },
    });
    expect(created).toMatchObject({ state: "requested", steps: "[]", withSource: true, acknowledgedAt: null });

    const open = ["requested", "acknowledged", "reconciling"];
    const inFlight = await db.operation.findFirst({
      where: {
        cluster: "prod",
        resource: "Kustomization",
        namespace: "flux-system",
        name: "apps",
        action: "reconcile",
        state: { in: open },
      },
    });
    expect(inFlight?.id).toBe(created.id);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const acknowledged = await db.operation.update({
      where: { id: created.id },
      data: { state: "acknowledged", acknowledgedAt: new Date(), steps: JSON.stringify([{ step: "annotated" }]) },
    });
    expect(acknowledged.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());

    await db.operation.update({
      where: { id: created.id },
      data: { state: "succeeded", finishedAt: new Date(), message: "done" },
    });
    expect(await db.operation.count({ where: { cluster: "prod", state: { in: open } } })).toBe(0);
    expect(await db.operation.count({ where: { cluster: "prod", state: "succeeded" } })).toBe(1);
    await db.operation.delete({ where: { id: created.id } });
  });

  it("reopens after closeDb()", async () => {
    await closeDb();
    db = await getDb();
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
