// Part 1 — External PostgreSQL (seed 002): embedded DB off, metadata Secret with `connection`, TLS, provider/backups.

import { tlsRequired } from "../connection-url";
import { bundledAuthMismatch, bundledPostgres } from "../bundled-postgres";
import { isPgbouncerHost } from "../pgbouncer-route";
import { checkSecretRef } from "../secret-refs";
import type { Check, Evidence } from "../types";
import { ev, fail, isSet, pass, secretRef, shown, truthy, warn } from "./outcome";

const PART = { part: "1", partTitle: "External PostgreSQL" } as const;

/** `postgresql.enabled` must be false (chart default: true). */
export const externalPostgres: Check = {
  ...PART,
  id: "db.external-postgres",
  version: 2,
  title: "Embedded PostgreSQL disabled",
  why: "The bundled bitnami PostgreSQL has no managed backups, HA or PITR, and its password cannot be changed through Helm after install.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: {
    text: "Disable the bundled database and point Airflow at an external PostgreSQL through a Secret with key `connection`.",
    valuesSnippet: "postgresql:\n  enabled: false\ndata:\n  metadataSecretName: airflow-metadata\n",
  },
  evaluate(snapshot, ctx) {
    const evidence: Evidence[] = [ev(shown(ctx, "postgresql.enabled"))];
    const bundled = bundledPostgres(snapshot, ctx);
    evidence.push(...bundled.evidence);
    const mismatch = bundledAuthMismatch(ctx);
    if (truthy(ctx.get("postgresql.enabled"))) {
      const why = ctx.origin("postgresql.enabled") === "chart default" ? " (chart default; the key is absent)" : "";
      if (mismatch)
        return fail(`The chart's embedded PostgreSQL is enabled${why}. ${mismatch.message}`, [
          ...evidence,
          ...mismatch.evidence,
        ]);
      return fail(`The chart's embedded PostgreSQL is enabled${why}`, evidence);
    }
    if (bundled.workloads.length || bundled.deployed.length)
      return fail("`postgresql.enabled` is false but the bundled PostgreSQL StatefulSet is still there", evidence);
    return pass("Embedded PostgreSQL is disabled", evidence);
  },
};

/** `data.metadataSecretName` names an existing Secret with key `connection`. */
export const metadataSecret: Check = {
  ...PART,
  id: "db.metadata-secret",
  version: 1,
  title: "Metadata connection comes from a Secret with key `connection`",
  why: "The connection string holds the database password; it belongs in a Secret (ideally synced by External Secrets), not in values.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: {
    text: "Create a Secret with key `connection` (e.g. `postgresql://airflow:<url-encoded password>@db.example.com:5432/airflow?sslmode=require`) and reference it.",
    valuesSnippet: "data:\n  metadataSecretName: airflow-metadata\n",
  },
  evaluate(_snapshot, ctx) {
    const name = ctx.get("data.metadataSecretName");
    const evidence: Evidence[] = [ev(shown(ctx, "data.metadataSecretName"))];
    if (!isSet(name)) {
      const mismatch = bundledAuthMismatch(ctx);
      if (mismatch) return fail(mismatch.message, [...evidence, ...mismatch.evidence]);
      const inline = isSet(ctx.get("data.metadataConnection.host"));
      return fail(
        inline
          ? "The connection is built from inline `data.metadataConnection` values (password in values)"
          : "`data.metadataSecretName` is not set; the chart builds a connection to its embedded database",
        evidence,
      );
    }
    const check = checkSecretRef(ctx, "metadata", String(name));
    evidence.push(...check.evidence);
    if (!check.ok) return fail(check.problem ?? "metadata Secret incomplete", evidence);
    const facts = ctx.secret(String(name));
    if (facts?.decoded && !facts.connection) {
      return fail("Key `connection` is not a parseable database URL", evidence);
    }
    if (facts?.connection) {
      const c = facts.connection;
      evidence.push(
        ev(
          `connection → driver ${c.driver}, host ${c.host}${c.port ? `:${c.port}` : ""}${c.database ? `, database ${c.database}` : ""}`,
          secretRef(ctx, String(name)),
        ),
      );
    }
    return pass(`Secret ${String(name)} holds the metadata connection`, evidence);
  },
};

/** The metadata connection requires TLS (`sslmode=require|verify-ca|verify-full`). */
export const tlsRequiredCheck: Check = {
  ...PART,
  id: "db.tls-required",
  version: 1,
  title: "Metadata database connection requires TLS",
  why: "Without `sslmode=require` (or stricter) credentials and metadata travel in clear text and a spoofed endpoint is accepted.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Append `?sslmode=require` (better: `verify-full` with the provider's CA) to the `connection` URL in the metadata Secret's backend item, then force-sync and restart.",
  },
  evaluate(_snapshot, ctx) {
    const name = ctx.get("data.metadataSecretName");
    if (!isSet(name)) {
      const evidence = [ev(shown(ctx, "data.metadataConnection.sslmode"))];
      const fix = {
        text: "Require TLS on the inline connection (better: move it to a Secret).",
        valuesSnippet: "data:\n  metadataConnection:\n    sslmode: require\n",
      };
      if (truthy(ctx.get("postgresql.enabled")))
        return fail("The embedded PostgreSQL is used; its connection does not use TLS", evidence);
      const mode = ctx.get("data.metadataConnection.sslmode");
      if (
        tlsRequired(
          String(ctx.get("data.metadataConnection.protocol") ?? "postgresql"),
          typeof mode === "string" ? mode : undefined,
        )
      ) {
        return pass(`Inline connection uses sslmode=${String(mode)}`, evidence);
      }
      return {
        status: "fail",
        message: "Inline `data.metadataConnection.sslmode` does not require TLS",
        evidence,
        fix,
      };
    }
    const secretName = String(name);
    const facts = ctx.secret(secretName);
    const ref = secretRef(ctx, secretName);
    if (!facts)
      return fail(`Secret ${secretName} not found; TLS cannot be verified`, [
        ev(`Secret ${secretName} not found`, ref),
      ]);
    if (!facts.decoded)
      return warn(`TLS not verified: the server did not inspect Secret ${secretName}`, [
        ev(`Secret ${secretName} exists; connection not inspected`, ref),
      ]);
    const c = facts.connection;
    if (!c)
      return fail(`Key \`connection\` of Secret ${secretName} is missing or not a URL`, [
        ev(`Secret ${secretName} keys: ${facts.keys.join(", ") || "none"}`, ref),
      ]);
    const evidence = [
      ev(`connection → host ${c.host}, ${c.sslMode ? `TLS mode ${c.sslMode}` : "no sslmode parameter"}`, ref),
    ];
    if (c.requiresTls) return pass(`The connection requires TLS (${c.sslMode})`, evidence);
    if (isPgbouncerHost(ctx, c.host)) {
      return warn(
        "The connection goes through PgBouncer without TLS; verify `server_tls_sslmode` in the PgBouncer config",
        evidence,
      );
    }
    return fail("The connection URL does not require TLS", evidence);
  },
};

/** Hybrid: a person attests the database provider and backup frequency once the external DB is configured. */
export const providerBackups: Check = {
  ...PART,
  id: "db.provider-backups",
  version: 1,
  title: "Database provider and backups attested",
  why: "Backups, PITR and HA of the metadata database cannot be seen from the cluster; someone accountable must state them.",
  mode: "hybrid",
  severity: "high",
  blocking: true,
  attestationFields: [
    {
      id: "provider",
      label: "Provider",
      type: "select",
      options: [
        "AWS RDS",
        "Amazon Aurora",
        "GCP Cloud SQL",
        "AlloyDB",
        "Azure Database for PostgreSQL",
        "CloudNativePG",
        "Self-hosted",
        "Other",
      ],
      required: true,
    },
    { id: "backupFrequency", label: "Backup frequency", type: "text", required: true },
    { id: "pitr", label: "Point-in-time recovery enabled", type: "boolean", required: false },
    { id: "restoreTested", label: "Restore tested", type: "boolean", required: false },
    { id: "dbPooling", label: "Connection pooling at DB level", type: "text", required: false },
  ],
  evaluate(snapshot, ctx) {
    const pre = externalPostgres.evaluate(snapshot, ctx);
    if (pre.status !== "pass") return fail("Pre-check: the embedded PostgreSQL is still in use", pre.evidence);
    return pass("External database configured; provider and backups need a person's attestation", pre.evidence);
  },
};

/** Part 1 checks in display order. */
export const PART_1_CHECKS: readonly Check[] = [externalPostgres, metadataSecret, tlsRequiredCheck, providerBackups];
