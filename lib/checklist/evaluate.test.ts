import { describe, expect, it } from "vitest";
import { checkById } from "./checks";
import { FIXTURE_NOW } from "./fixtures/load";
import { item, scenario } from "./fixtures/mutate";
import { evaluateChecklist, gateOf, scoreOf } from "./evaluate";
import { attestationFieldProblems, validateWaiverRequest, waiverState } from "./human-input";
import type { Attestation, ItemResult, Waiver } from "./types";

const AF3 = "airflow3-production.yaml";
const AF2 = "airflow2-gaps.yaml";

const att = (checkId: string, fields: Record<string, string>, over: Partial<Attestation> = {}): Attestation => ({
  checkId,
  fields,
  attestedBy: "alice",
  attestedAt: "2025-06-01T10:00:00Z",
  expiresAt: "2025-09-01T10:00:00Z",
  ...over,
});

const waiver = (checkId: string, over: Partial<Waiver> = {}): Waiver => ({
  checkId,
  reason: "PgBouncer rollout planned for Q3",
  ticketUrl: "https://jira.example.com/PLAT-1234",
  requestedBy: "olga",
  approvedBy: "adam",
  createdAt: "2025-06-10T00:00:00Z",
  expiresAt: "2025-08-10T00:00:00Z",
  ...over,
});

/** Valid attestations for every human item of the AF3 fixture. */
const ALL_ATTESTATIONS: Attestation[] = [
  att("db.provider-backups", { provider: "AWS RDS", backupFrequency: "Daily snapshots, 7-day PITR", pitr: "true" }),
  att("gitsync.repo-policy", { branchStrategy: "main only, protected", ciPipeline: "true" }),
  att("logging.retention", { retentionDays: "30", encryption: "true", bucket: "acme-airflow-logs" }),
  att("pgbouncer.pool-sizing", { dbMaxConnections: "400", expectedConnections: "120" }),
  att("secrets.rotation.metadata", { policy: "Quarterly" }),
  att("secrets.rotation.fernet", { policy: "Never (break existing)" }),
  att("secrets.rotation.api", { policy: "Annual" }),
  att("secrets.rotation.jwt", { policy: "Annual" }),
  att("secrets.rotation.git-ssh", { policy: "Annual", procedure: "https://wiki.example.com/runbooks/deploy-key" }),
  att("monitoring.dashboards-alerts", {
    dashboardUrl: "https://grafana.example.com/d/airflow",
    alertRouting: "Alertmanager → PagerDuty airflow-oncall",
  }),
  att("post.smoke-test", {
    testRun: "example_bash_operator/manual__2025-06-20",
    dagsSynced: "true",
    logsVisible: "true",
    metricsVisible: "true",
  }),
];

describe("attestations", () => {
  it("a fully attested production release passes the gate", () => {
    const r = scenario(AF3).evaluate({ attestations: ALL_ATTESTATIONS });
    expect(
      r.items
        .filter((i) => i.blocking && !["pass", "attested", "waived", "not-applicable"].includes(i.status))
        .map((i) => i.id),
    ).toEqual([]);
    expect(r.gate).toBe("pass");
    expect(item(r, "db.provider-backups").status).toBe("attested");
    expect(item(r, "db.provider-backups").message).toContain("alice");
  });

  it.each([
    ["valid", {}, "attested"],
    ["expired", { expiresAt: "2025-06-15T00:00:00Z" }, "expired"],
    ["attested against an older check version", { checkVersion: 0 }, "needs-attestation"],
    ["with a required field missing", { fields: { policy: "" } }, "needs-attestation"],
    ["with an option that is not offered", { fields: { policy: "Whenever" } }, "needs-attestation"],
  ])("attested item, attestation %s → %s", (_n, over, status) => {
    const r = scenario(AF3).evaluate({
      attestations: [att("secrets.rotation.fernet", { policy: "Quarterly" }, over as Partial<Attestation>)],
    });
    expect(item(r, "secrets.rotation.fernet").status).toBe(status);
  });

  it("an expired attestation counts as a failure for the gate", () => {
    const attestations = ALL_ATTESTATIONS.map((a) =>
      a.checkId === "secrets.rotation.jwt" ? { ...a, expiresAt: "2025-06-19T00:00:00Z" } : a,
    );
    const r = scenario(AF3).evaluate({ attestations });
    expect(item(r, "secrets.rotation.jwt").status).toBe("expired");
    expect(r.gate).toBe("fail");
  });

  it("the newest valid attestation wins over older or invalid ones", () => {
    const older = att(
      "secrets.rotation.fernet",
      { policy: "Annual" },
      { attestedAt: "2025-03-01T00:00:00Z", expiresAt: "2025-06-02T00:00:00Z" },
    );
    const broken = att("secrets.rotation.fernet", { policy: "??" }, { attestedAt: "2025-06-18T00:00:00Z" });
    const good = att("secrets.rotation.fernet", { policy: "Quarterly" }, { attestedAt: "2025-06-05T00:00:00Z" });
    const r = scenario(AF3).evaluate({ attestations: [older, broken, good] });
    expect(item(r, "secrets.rotation.fernet").attestation?.fields.policy).toBe("Quarterly");
  });

  it("hybrid: the attestation does not count while the automatic pre-check fails", () => {
    const r = scenario(AF2).evaluate({
      attestations: [att("pgbouncer.pool-sizing", { dbMaxConnections: "400", expectedConnections: "120" })],
    });
    const i = item(r, "pgbouncer.pool-sizing");
    expect(i.status).toBe("fail");
    expect(i.attestation?.state).toBe("precheck-failed");
  });

  it("hybrid: an attestation with a field that must be true does not count when it is false", () => {
    const smoke = att("post.smoke-test", {
      testRun: "x",
      dagsSynced: "true",
      logsVisible: "false",
      metricsVisible: "true",
    });
    const i = item(scenario(AF3).evaluate({ attestations: [smoke] }), "post.smoke-test");
    expect(i.status).toBe("needs-attestation");
    expect(i.message).toContain("must be true");
  });

  it.each([
    ["number", "pgbouncer.pool-sizing", { dbMaxConnections: "many", expectedConnections: "1" }, "must be a number"],
    ["url", "monitoring.dashboards-alerts", { dashboardUrl: "javascript:alert(1)", alertRouting: "x" }, "http(s) URL"],
    ["boolean", "logging.retention", { retentionDays: "30", encryption: "yes" }, "true or false"],
    ["unknown field", "secrets.rotation.fernet", { policy: "Annual", extra: "x" }, "unknown field"],
  ])("field validation: %s", (_n, id, fields, problem) => {
    const check = checkById(id);
    expect(check).toBeDefined();
    if (check) expect(attestationFieldProblems(check, fields).join("; ")).toContain(problem);
  });

  it("auto items ignore attestations", () => {
    const r = scenario(AF2).evaluate({ attestations: [att("pgbouncer.enabled", {})] });
    expect(item(r, "pgbouncer.enabled").status).toBe("fail");
    expect(item(r, "pgbouncer.enabled").attestation).toBeUndefined();
  });
});

describe("waivers", () => {
  it.each([
    ["valid (approver ≠ requester)", {}, "waived"],
    ["expired", { expiresAt: "2025-06-15T00:00:00Z" }, "expired"],
    ["self-approved", { approvedBy: "olga" }, "fail"],
    ["self-approved with different case", { approvedBy: "OLGA" }, "fail"],
    ["not approved yet", { approvedBy: undefined }, "fail"],
    ["longer than 90 days", { expiresAt: "2025-12-31T00:00:00Z" }, "fail"],
    ["created in the future", { createdAt: "2025-07-01T00:00:00Z", expiresAt: "2025-08-01T00:00:00Z" }, "fail"],
  ])("a %s waiver on a failing blocking item → %s", (_n, over, status) => {
    const r = scenario(AF2).evaluate({ waivers: [waiver("pgbouncer.enabled", over)] });
    expect(item(r, "pgbouncer.enabled").status).toBe(status);
  });

  it("a waiver does not change a passing item, even when expired", () => {
    const r = scenario(AF3).evaluate({ waivers: [waiver("pgbouncer.enabled", { expiresAt: "2025-06-15T00:00:00Z" })] });
    expect(item(r, "pgbouncer.enabled").status).toBe("pass");
  });

  it("waivers cover unattested and warning items too", () => {
    const r = scenario(AF3).evaluate({ waivers: [waiver("post.smoke-test")] });
    expect(item(r, "post.smoke-test").status).toBe("waived");
  });

  it("waiverState and validateWaiverRequest agree on the rules", () => {
    expect(waiverState(waiver("x"), FIXTURE_NOW)).toBe("valid");
    expect(waiverState(waiver("x", { approvedBy: "olga" }), FIXTURE_NOW)).toBe("self-approved");
    expect(validateWaiverRequest(waiver("x", { expiresAt: "2025-12-31T00:00:00Z" }))).toEqual([
      "a waiver may last at most 90 days",
    ]);
    expect(validateWaiverRequest(waiver("x", { reason: " " }))).toEqual(["reason is required"]);
    expect(waiverState(waiver("x", { expiresAt: "2025-12-31T00:00:00Z" }), FIXTURE_NOW, 365)).toBe("valid");
  });
});

describe("gate and score", () => {
  const mk = (
    status: ItemResult["status"],
    blocking: boolean,
    severity: ItemResult["severity"] = "high",
  ): ItemResult => ({
    id: `${status}-${blocking}`,
    version: 1,
    part: "1",
    partTitle: "p",
    title: "t",
    why: "w",
    mode: "auto",
    severity,
    blocking,
    status,
    autoStatus: "pass",
    evidence: [],
    message: "",
  });

  it.each([
    [["pass", "attested", "waived", "not-applicable"], "pass"],
    [["pass", "warn"], "fail"],
    [["pass", "needs-attestation"], "fail"],
    [["pass", "expired"], "fail"],
    [["pass", "fail"], "fail"],
  ] as const)("blocking statuses %j → gate %s", (statuses, gate) => {
    expect(gateOf(statuses.map((s) => mk(s, true)))).toBe(gate);
  });

  it("non-blocking failures never fail the gate", () => {
    expect(gateOf([mk("pass", true), mk("fail", false), mk("warn", false)])).toBe("pass");
  });

  it("score is severity-weighted, ignores not-applicable, and is 100 when nothing applies", () => {
    expect(scoreOf([mk("pass", true, "critical"), mk("fail", true, "low")])).toBe(Math.round((10 / 11) * 100));
    expect(scoreOf([mk("warn", false, "medium"), mk("not-applicable", true, "critical")])).toBe(50);
    expect(scoreOf([mk("not-applicable", true)])).toBe(100);
  });

  it("the score is shown but does not gate: the gaps fixture scores low and fails; waiving does not raise it to 100", () => {
    const r = scenario(AF2).evaluate();
    expect(r.gate).toBe("fail");
    expect(r.score).toBeLessThan(50);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.items.length);
  });

  it("items are ordered pre, 1–7, post", () => {
    const r = evaluateChecklist(scenario(AF3).snapshot(), { attestations: [], waivers: [] }, FIXTURE_NOW);
    expect(r.items[0].part).toBe("pre");
    expect(r.items[r.items.length - 1].part).toBe("post");
  });
});
