import { describe, expect, it } from "vitest";
import { FIXTURE_NOW } from "./fixtures/load";
import { scenario } from "./fixtures/mutate";
import { exportMarkdown } from "./export-markdown";
import { toApiShape, toJson } from "./export-json";
import { buildEvidenceSnapshot } from "./signoff";
import type { Attestation, Waiver } from "./types";

const base = { attestedBy: "olga", attestedAt: "2025-06-19T00:00:00Z", expiresAt: "2025-09-19T00:00:00Z" };
const attestations: Attestation[] = [
  {
    checkId: "db.provider-backups",
    fields: { provider: "AWS RDS", backupFrequency: "Daily snapshots | 7-day PITR" },
    ...base,
  },
  { checkId: "gitsync.repo-policy", fields: { branchStrategy: "main only", ciPipeline: "true" }, ...base },
  { checkId: "logging.retention", fields: { retentionDays: "30", encryption: "true" }, ...base },
  { checkId: "secrets.rotation.metadata", fields: { policy: "Quarterly" }, ...base },
  { checkId: "secrets.rotation.fernet", fields: { policy: "Never (break existing)" }, ...base },
  { checkId: "secrets.rotation.api", fields: { policy: "Annual" }, ...base },
  {
    checkId: "monitoring.dashboards-alerts",
    fields: { dashboardUrl: "https://grafana.example.com/d/af", alertRouting: "Alertmanager <b>→</b> PagerDuty" },
    ...base,
  },
  {
    checkId: "post.smoke-test",
    fields: { testRun: "example_bash_operator", dagsSynced: "true", logsVisible: "true", metricsVisible: "true" },
    ...base,
  },
];
const waivers: Waiver[] = [
  {
    checkId: "secrets.rotation.jwt",
    reason: "JWT rotation runbook in review",
    ticketUrl: "https://jira.example.com/PLAT-77",
    requestedBy: "olga",
    approvedBy: "adam",
    createdAt: "2025-06-18T00:00:00Z",
    expiresAt: "2025-07-18T00:00:00Z",
  },
];

/** The headings and fixed lines of seed 002's CHECKLIST.md template, in order. */
const TEMPLATE_SHAPE = [
  "# Production Deployment Checklist",
  "## Pre-Deployment",
  "Database provisioned and tested",
  "Storage bucket created with correct permissions",
  "Git repository with deploy key configured",
  "All secrets created in Kubernetes",
  "## Database",
  "Provider:",
  "SSL enabled:",
  "Backup frequency:",
  "Connection string verified:",
  "## DAG Synchronization",
  "Repository:",
  "Branch:",
  "Sync interval:",
  "CI/CD pipeline configured:",
  "## Logging",
  "Storage provider:",
  "Bucket:",
  "Retention:",
  "Encryption:",
  "## Connection Pooling",
  "PgBouncer enabled:",
  "Max connections:",
  "Pool size:",
  "## Secrets",
  "| Secret Name | Purpose | Rotation Policy |",
  "## High Availability",
  "Scheduler replicas:",
  "Webserver replicas",
  "PDB configured:",
  "## Monitoring",
  "Metrics enabled:",
  "Exporter:",
  "Dashboards created:",
  "## Post-Deployment Verification",
  "All pods healthy",
  "DAGs synced successfully",
  "Test task executed",
  "Logs appearing in remote storage",
  "Metrics visible in monitoring",
];

describe("exportMarkdown", () => {
  const s = scenario("airflow3-production.yaml");
  const snapshot = s.snapshot();
  const result = s.evaluate({ attestations, waivers });
  const evidence = buildEvidenceSnapshot(result, snapshot, { name: "adam", groups: ["platform-admins"] }, FIXTURE_NOW);
  const md = exportMarkdown(result, snapshot, {
    state: "approved",
    signer: evidence.signer,
    signedAt: evidence.signedAt,
    expiresAt: evidence.expiresAt,
    hash: evidence.hash,
  });

  it("keeps the template's shape and order", () => {
    let from = 0;
    for (const marker of TEMPLATE_SHAPE) {
      const at = md.indexOf(marker, from);
      expect(at, `missing or out of order: ${marker}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it.each([
    "- [x] Database provisioned and tested",
    "- [x] Provider: AWS RDS",
    "- [x] SSL enabled: Yes",
    "- [x] Backup frequency: Daily snapshots | 7-day PITR",
    "- [x] Connection string verified: Yes",
    "- [x] Repository: git@github.com:acme/airflow-dags.git",
    "- [x] Branch: main",
    "- [x] Sync interval: 60 seconds",
    "- [x] CI/CD pipeline configured: Yes",
    "- [x] Storage provider: AWS S3",
    "- [x] Bucket: acme-airflow-logs",
    "- [x] Retention: 30 days",
    "- [x] Encryption: Yes",
    "- [x] PgBouncer enabled: Yes",
    "- [x] Max connections: 200",
    "- [x] Pool size: 20 (metadata), 5 (result backend)",
    "| airflow-metadata | DB connection | Quarterly |",
    "| airflow-fernet-key | Encryption | Never (break existing) |",
    "| airflow-api-secret-key | Session security (API secret key) | Annual |",
    "| airflow-jwt-secret | JWT signing | _______________ |",
    "- [x] Scheduler replicas: 2",
    "- [x] Webserver replicas (API server): 2",
    "- [x] PDB configured: Yes",
    "- [x] Metrics enabled: Yes",
    "- [x] Exporter: StatsD",
    "- [x] Dashboards created: Yes",
    "- [x] All pods healthy",
    "- [x] Test task executed (example_bash_operator)",
    "- [x] Logs appearing in remote storage",
  ])("fills in: %s", (line) => {
    expect(md).toContain(line);
  });

  it("adds item results with evidence, attestations, waivers and the sign-off", () => {
    expect(md).toContain("## Item Results");
    expect(md).toContain("**waived** · Rotation policy attested: JWT secret (`secrets.rotation.jwt` v1");
    expect(md).toContain(
      "| secrets.rotation.jwt | JWT rotation runbook in review | https://jira.example.com/PLAT-77 | olga | adam | 2025-07-18T00:00:00Z | valid |",
    );
    expect(md).toContain(
      "  - Attestation (valid) by olga on 2025-06-19T00:00:00Z, expires 2025-09-19T00:00:00Z: Provider: AWS RDS",
    );
    expect(md).toContain("(secrets/airflow/airflow-metadata)");
    expect(md).toContain(`- Evidence hash: \`${evidence.hash}\``);
    expect(md).toContain("- Signed by: adam (groups: platform-admins)");
  });

  it("escapes HTML from attestation text", () => {
    expect(md).not.toContain("<b>");
    expect(md).toContain("Alertmanager &lt;b&gt;→&lt;/b&gt; PagerDuty");
  });

  it("leaves the template blanks and unticked boxes for the gaps fixture", () => {
    const gaps = scenario("airflow2-gaps.yaml");
    const out = exportMarkdown(gaps.evaluate(), gaps.snapshot());
    for (const line of [
      "- [ ] Provider: _______________",
      "- [ ] SSL enabled: No",
      "- [ ] Retention: ___ days",
      "- [ ] Encryption: Yes / No",
      "- [ ] PgBouncer enabled: No",
      "- [ ] Max connections: ___",
      "- [ ] Scheduler replicas: 1",
      "- [ ] Webserver replicas: 1",
      "- [ ] PDB configured: No",
      "| airflow-webserver-secret | Session security | _______________ |",
      "| (chart-generated) | Encryption | _______________ |",
      "- [ ] All pods healthy",
      "- State: none",
    ]) {
      expect(out).toContain(line);
    }
    expect(out).toContain("```yaml");
    expect(out).not.toContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  });
});

describe("toJson / toApiShape", () => {
  it("matches the CI-gate API shape", () => {
    const result = scenario("airflow2-gaps.yaml").evaluate();
    const api = toApiShape(result);
    expect(api.release).toMatchObject({
      namespace: "airflow",
      name: "airflow",
      releaseName: "airflow",
      airflowMajor: 2,
    });
    expect(api.gate).toBe("fail");
    expect(api.signoff).toEqual({ state: "none" });
    const pgb = api.items.find((i) => i.id === "pgbouncer.enabled");
    expect(pgb).toMatchObject({ part: "4", mode: "auto", status: "fail", blocking: true });
    expect(pgb?.fix?.valuesSnippet).toContain("pgbouncer:");
    expect(JSON.parse(toJson(result, { state: "stale", reasons: ["values changed"] })).signoff.state).toBe("stale");
  });
});
