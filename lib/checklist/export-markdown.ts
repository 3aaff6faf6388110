// CHECKLIST.md export in the exact shape of seed 002's template, filled in from the evaluation, the values,
// attestations, waivers and the sign-off; followed by the per-item evidence appendix. Every line goes through the
// evaluation's redactor (lib/checklist/redact.ts): the template reads values directly, not through the items.

import { remoteLoggingState } from "./checks/part-3-logging";
import { metricsExporter } from "./checks/part-7-monitoring";
import { durationSeconds, isSet } from "./checks/outcome";
import { buildContext, type EvalContext } from "./context";
import {
  box,
  itemDone,
  itemResultsSection,
  mdCell,
  mdText,
  signoffSection,
  waiversSection,
  type SignoffExport,
} from "./export-details";
import { airflowSetting } from "./airflow-settings";
import { redactorFor } from "./redact";
import { fromSecret, isReferencePath } from "./redact-text";
import { secretRole } from "./secret-refs";
import type { ChecklistSnapshot } from "./snapshot";
import type { ChecklistResult, ItemResult } from "./types";

const BLANK = "_______________";
const SHORT = "___";
const YES_NO = "Yes / No";

type Lookup = (id: string) => ItemResult | undefined;

function all(get: Lookup, ...ids: string[]): boolean {
  const items = ids.map(get).filter((i): i is ItemResult => !!i && i.status !== "not-applicable");
  return items.length > 0 && items.every(itemDone);
}

/** An attested field value (suffixed when the attestation no longer counts), or undefined. */
function field(get: Lookup, id: string, key: string): string | undefined {
  const a = get(id)?.attestation;
  const v = a?.fields[key];
  if (!a || !v) return undefined;
  return a.state === "valid" ? mdText(v) : `${mdText(v)} (attestation ${a.state})`;
}

function yesNo(v: boolean | string | undefined): string {
  if (v === undefined) return YES_NO;
  if (typeof v === "string") return v === "true" ? "Yes" : v === "false" ? "No" : v;
  return v ? "Yes" : "No";
}

function line(done: boolean, label: string, value?: string): string {
  return `- ${box(done)} ${label}${value !== undefined ? `: ${value}` : ""}`;
}

/** A values setting as shown in the template; a value that came from a Secret is named, never shown. */
function str(ctx: EvalContext, path: string): string | undefined {
  const v = ctx.get(path);
  if (!isSet(v)) return undefined;
  const secret = /^Secret\/(\S+)/.exec(ctx.origin(path));
  return secret && !isReferencePath(path) ? fromSecret(secret[1]) : mdText(String(v));
}

function bucketOf(folder: string | undefined): { provider?: string; bucket?: string } {
  const m = /^([a-z0-9-]+):\/\/([^/]+)/i.exec(folder ?? "");
  if (!m) return {};
  const providers: Record<string, string> = {
    s3: "AWS S3",
    gs: "Google Cloud Storage",
    wasb: "Azure Blob Storage",
    oss: "Alibaba OSS",
    hdfs: "HDFS",
  };
  return { provider: providers[m[1].toLowerCase()] ?? m[1], bucket: m[2] };
}

function templateSections(result: ChecklistResult, ctx: EvalContext, get: Lookup): string[] {
  const af3 = ctx.major === 3;
  const folderSetting = airflowSetting(ctx, "logging", "remote_base_log_folder");
  const folderSecret = /\(Secret\/([^\s()]+)/.exec(folderSetting?.source ?? "")?.[1];
  const logs = bucketOf(folderSetting?.value);
  if (folderSecret && logs.bucket) logs.bucket = fromSecret(folderSecret);
  const remoteOn = remoteLoggingState(ctx).on === true;
  const gitOn = itemDone(get("gitsync.enabled"));
  const branch = str(ctx, "dags.gitSync.branch") ?? str(ctx, "dags.gitSync.ref") ?? str(ctx, "dags.gitSync.rev");
  const interval = durationSeconds(ctx.get("dags.gitSync.period")) ?? durationSeconds(ctx.get("dags.gitSync.wait"));
  const pgb = itemDone(get("pgbouncer.enabled"));
  const exporter = metricsExporter(ctx).exporter;
  const webPath = af3 ? "apiServer.replicas" : "webserver.replicas";
  const webId = af3 ? "ha.api-server-replicas" : "ha.webserver-replicas";
  const pdbIds = ["ha.scheduler-pdb", af3 ? "ha.api-server-pdb" : "ha.webserver-pdb"];
  const encryption = field(get, "logging.retention", "encryption");
  return [
    "## Pre-Deployment",
    line(all(get, "db.external-postgres", "db.metadata-secret"), "Database provisioned and tested"),
    line(all(get, "logging.remote-folder", "logging.retention"), "Storage bucket created with correct permissions"),
    line(all(get, "gitsync.enabled", "gitsync.ssh-key-secret"), "Git repository with deploy key configured"),
    line(all(get, "pre.secrets-present"), "All secrets created in Kubernetes"),
    "",
    "## Database",
    line(
      all(get, "db.provider-backups") && !!field(get, "db.provider-backups", "provider"),
      "Provider",
      field(get, "db.provider-backups", "provider") ?? BLANK,
    ),
    line(
      all(get, "db.tls-required"),
      "SSL enabled",
      yesNo(get("db.tls-required") ? itemDone(get("db.tls-required")) : undefined),
    ),
    line(
      all(get, "db.provider-backups"),
      "Backup frequency",
      field(get, "db.provider-backups", "backupFrequency") ?? BLANK,
    ),
    line(
      all(get, "db.metadata-secret"),
      "Connection string verified",
      yesNo(get("db.metadata-secret") ? itemDone(get("db.metadata-secret")) : undefined),
    ),
    "",
    "## DAG Synchronization",
    line(gitOn, "Repository", gitOn ? (str(ctx, "dags.gitSync.repo") ?? BLANK) : BLANK),
    line(gitOn && !!branch, "Branch", gitOn ? (branch ?? BLANK) : BLANK),
    line(
      gitOn && interval !== undefined,
      "Sync interval",
      `${gitOn && interval !== undefined ? interval : SHORT} seconds`,
    ),
    line(
      field(get, "gitsync.repo-policy", "ciPipeline") === "true" && itemDone(get("gitsync.repo-policy")),
      "CI/CD pipeline configured",
      yesNo(field(get, "gitsync.repo-policy", "ciPipeline")),
    ),
    "",
    "## Logging",
    line(
      remoteOn && !!(field(get, "logging.retention", "storageProvider") ?? logs.provider),
      "Storage provider",
      field(get, "logging.retention", "storageProvider") ?? logs.provider ?? BLANK,
    ),
    line(
      remoteOn && !!(field(get, "logging.retention", "bucket") ?? logs.bucket),
      "Bucket",
      field(get, "logging.retention", "bucket") ?? logs.bucket ?? BLANK,
    ),
    line(
      itemDone(get("logging.retention")),
      "Retention",
      `${field(get, "logging.retention", "retentionDays") ?? SHORT} days`,
    ),
    line(encryption === "true" && itemDone(get("logging.retention")), "Encryption", yesNo(encryption)),
    "",
    "## Connection Pooling",
    line(pgb, "PgBouncer enabled", yesNo(pgb)),
    line(pgb, "Max connections", pgb ? (str(ctx, "pgbouncer.maxClientConn") ?? SHORT) : SHORT),
    line(
      pgb,
      "Pool size",
      pgb
        ? `${str(ctx, "pgbouncer.metadataPoolSize") ?? SHORT} (metadata), ${str(ctx, "pgbouncer.resultBackendPoolSize") ?? SHORT} (result backend)`
        : SHORT,
    ),
    "",
    "## Secrets",
    "| Secret Name | Purpose | Rotation Policy |",
    "|-------------|---------|-----------------|",
    ...secretRows(ctx, get),
    "",
    "## High Availability",
    line(itemDone(get("ha.scheduler-replicas")), "Scheduler replicas", str(ctx, "scheduler.replicas") ?? SHORT),
    line(
      itemDone(get(webId)),
      af3 ? "Webserver replicas (API server)" : "Webserver replicas",
      str(ctx, webPath) ?? SHORT,
    ),
    line(all(get, ...pdbIds), "PDB configured", yesNo(all(get, ...pdbIds))),
    "",
    "## Monitoring",
    line(
      exporter !== undefined && itemDone(get("monitoring.metrics-enabled")),
      "Metrics enabled",
      yesNo(exporter !== undefined),
    ),
    line(exporter !== undefined, "Exporter", exporter ?? "StatsD / OTEL"),
    line(
      itemDone(get("monitoring.dashboards-alerts")),
      "Dashboards created",
      yesNo(get("monitoring.dashboards-alerts")?.attestation?.state === "valid" ? true : undefined),
    ),
    "",
    "## Post-Deployment Verification",
    line(all(get, "post.pods-ready", "post.no-crashloop"), "All pods healthy"),
    line(
      all(get, "gitsync.containers-ready") && field(get, "post.smoke-test", "dagsSynced") !== "false",
      "DAGs synced successfully",
    ),
    line(
      itemDone(get("post.smoke-test")),
      `Test task executed${field(get, "post.smoke-test", "testRun") ? ` (${field(get, "post.smoke-test", "testRun")})` : ""}`,
    ),
    line(
      itemDone(get("post.smoke-test")) && field(get, "post.smoke-test", "logsVisible") === "true",
      "Logs appearing in remote storage",
    ),
    line(
      itemDone(get("post.smoke-test")) && field(get, "post.smoke-test", "metricsVisible") === "true",
      "Metrics visible in monitoring",
    ),
  ];
}

const SECRET_ROWS: { role: string; rotation: string; purpose2: string; purpose3: string }[] = [
  { role: "metadata", rotation: "secrets.rotation.metadata", purpose2: "DB connection", purpose3: "DB connection" },
  { role: "webserver-key", rotation: "secrets.rotation.webserver", purpose2: "Session security", purpose3: "" },
  { role: "api-key", rotation: "secrets.rotation.api", purpose2: "", purpose3: "Session security (API secret key)" },
  { role: "jwt", rotation: "secrets.rotation.jwt", purpose2: "", purpose3: "JWT signing" },
  { role: "fernet", rotation: "secrets.rotation.fernet", purpose2: "Encryption", purpose3: "Encryption" },
  { role: "git-ssh", rotation: "secrets.rotation.git-ssh", purpose2: "DAG sync", purpose3: "DAG sync" },
];

function secretRows(ctx: EvalContext, get: Lookup): string[] {
  return SECRET_ROWS.flatMap((r) => {
    const purpose = ctx.major === 3 ? r.purpose3 : r.purpose2;
    const item = get(r.rotation);
    if (!purpose || !item || item.status === "not-applicable") return [];
    const name = str(ctx, secretRole(r.role).path) ?? "(chart-generated)";
    return [`| ${mdCell(name)} | ${purpose} | ${mdCell(field(get, r.rotation, "policy") ?? BLANK)} |`];
  });
}

/** CHECKLIST.md for one release: seed 002's template filled in, then item results, waivers and sign-off. */
export function exportMarkdown(result: ChecklistResult, snapshot: ChecklistSnapshot, signoff?: SignoffExport): string {
  const ctx = buildContext(snapshot);
  const redact = redactorFor(ctx, snapshot);
  const byId = new Map(result.items.map((i) => [i.id, i]));
  const get: Lookup = (id) => byId.get(id);
  const s = result.subject;
  const header = [
    "# Production Deployment Checklist",
    "",
    `> Release \`${s.namespace}/${s.name}\` (Helm release \`${s.releaseName}\`) · chart airflow ${s.chartVersion ?? "unknown"} · Airflow ${s.airflowMajor} · gate **${result.gate.toUpperCase()}** · score ${result.score}/100 · evaluated ${result.evaluatedAt}`,
    "",
  ];
  const text = [
    ...header,
    ...templateSections(result, ctx, get),
    "",
    ...itemResultsSection(result),
    "",
    ...waiversSection(result),
    "",
    ...signoffSection(signoff),
    "",
  ].join("\n");
  return redact(text);
}
