// Part 3 — Remote logging: [logging] remote_logging on, remote_base_log_folder and remote_log_conn_id set, retention.

import { airflowSetting, envName, type SettingValue } from "../airflow-settings";
import type { EvalContext } from "../context";
import type { Check, CheckOutcome, Evidence } from "../types";
import { ev, fail, isSet, notApplicable, pass, truthy, warn } from "./outcome";

const PART = { part: "3", partTitle: "Remote logging" } as const;

/** Schemes Airflow's remote task handlers understand. */
const KNOWN_SCHEMES = ["s3://", "gs://", "wasb", "oss://", "hdfs://", "cloudwatch://", "stackdriver://"];

const SNIPPET = [
  "config:",
  "  logging:",
  '    remote_logging: "True"',
  "    remote_base_log_folder: s3://my-airflow-logs-bucket/logs",
  "    remote_log_conn_id: aws_default",
  "",
].join("\n");

function searchBackend(ctx: EvalContext): string | undefined {
  if (truthy(ctx.get("elasticsearch.enabled"))) return "Elasticsearch";
  if (truthy(ctx.get("opensearch.enabled"))) return "OpenSearch";
  return undefined;
}

function settingEvidence(name: string, s: SettingValue | undefined): Evidence {
  if (!s) return ev(`[logging] ${name}: not set`);
  return ev(
    `[logging] ${name} = ${s.value === undefined ? "(from a secret/configmap reference)" : JSON.stringify(s.value)} — ${s.source}`,
  );
}

/** Remote logging state: on/off/unknown plus evidence. Exported for the export and dependent checks. */
export function remoteLoggingState(ctx: EvalContext): { on: boolean | undefined; evidence: Evidence[] } {
  const s = airflowSetting(ctx, "logging", "remote_logging");
  const backend = searchBackend(ctx);
  const evidence = [settingEvidence("remote_logging", s)];
  if (backend) evidence.push(ev(`${backend} task-log backend enabled in values`));
  if (!s) return { on: backend !== undefined, evidence };
  if (s.value === undefined) return { on: undefined, evidence };
  return { on: truthy(s.value), evidence };
}

/** `config.logging.remote_logging` (or AIRFLOW__LOGGING__REMOTE_LOGGING) is true. */
export const remoteLoggingEnabled: Check = {
  ...PART,
  id: "logging.remote-enabled",
  version: 1,
  title: "Remote task logging enabled",
  why: "Task pods are ephemeral; without remote logging task logs vanish with the pod.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Turn on remote logging to object storage (prefer IRSA/Workload Identity over access keys).",
    valuesSnippet: SNIPPET,
  },
  evaluate(_snapshot, ctx) {
    const state = remoteLoggingState(ctx);
    if (state.on === undefined)
      return warn(
        `Remote logging is set through ${envName("logging", "remote_logging")} from a reference; value not visible`,
        state.evidence,
      );
    return state.on
      ? pass("Remote logging is on", state.evidence)
      : fail("Remote logging is off (chart default unless Elasticsearch/OpenSearch is enabled)", state.evidence);
  },
};

function dependent(
  ctx: EvalContext,
  key: string,
  evaluate: (s: SettingValue | undefined, evidence: Evidence[]) => CheckOutcome,
): CheckOutcome {
  const state = remoteLoggingState(ctx);
  if (state.on === false) return notApplicable("Remote logging is off (see logging.remote-enabled)");
  const backend = searchBackend(ctx);
  if (backend) return notApplicable(`${backend} handles task logs; no ${key} needed`, state.evidence);
  const s = airflowSetting(ctx, "logging", key);
  return evaluate(s, [settingEvidence(key, s)]);
}

/** `remote_base_log_folder` set to an object-store URL. */
export const remoteLogFolder: Check = {
  ...PART,
  id: "logging.remote-folder",
  version: 1,
  title: "Remote log folder set",
  why: "`remote_base_log_folder` picks the storage backend (s3://, gs://, wasb://); without it nothing is uploaded.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Set the bucket URL for task logs.",
    valuesSnippet: "config:\n  logging:\n    remote_base_log_folder: s3://my-airflow-logs-bucket/logs\n",
  },
  evaluate(_snapshot, ctx) {
    return dependent(ctx, "remote_base_log_folder", (s, evidence) => {
      if (!s || (s.value !== undefined && !isSet(s.value)))
        return fail("`remote_base_log_folder` is not set", evidence);
      if (s.value === undefined) return pass("Remote log folder set from a reference", evidence);
      if (!KNOWN_SCHEMES.some((k) => s.value?.startsWith(k)))
        return warn(`Unrecognised remote log folder scheme: ${s.value}`, evidence);
      return pass(`Task logs go to ${s.value}`, evidence);
    });
  },
};

/** `remote_log_conn_id` set. */
export const remoteLogConnId: Check = {
  ...PART,
  id: "logging.remote-conn-id",
  version: 1,
  title: "Remote log connection id set",
  why: "`remote_log_conn_id` names the Airflow connection (e.g. aws_default with IRSA) used to write and read task logs.",
  mode: "auto",
  severity: "medium",
  blocking: true,
  fix: {
    text: "Name the connection used for task logs.",
    valuesSnippet: "config:\n  logging:\n    remote_log_conn_id: aws_default\n",
  },
  evaluate(_snapshot, ctx) {
    return dependent(ctx, "remote_log_conn_id", (s, evidence) =>
      s && (s.value === undefined || isSet(s.value))
        ? pass(`Connection id ${s.value ?? "(from a reference)"}`, evidence)
        : fail("`remote_log_conn_id` is not set", evidence),
    );
  },
};

/** Hybrid: bucket retention/encryption/access attested once remote logging is on. */
export const logRetention: Check = {
  ...PART,
  id: "logging.retention",
  version: 1,
  title: "Log retention, encryption and access attested",
  why: "Bucket lifecycle rules, encryption and IAM live in the cloud account, not in the cluster.",
  mode: "hybrid",
  severity: "medium",
  blocking: true,
  attestationFields: [
    {
      id: "storageProvider",
      label: "Storage provider",
      type: "select",
      options: ["AWS S3", "Google Cloud Storage", "Azure Blob Storage", "Elasticsearch/OpenSearch", "Other"],
      required: false,
    },
    { id: "bucket", label: "Bucket", type: "text", required: false },
    { id: "retentionDays", label: "Retention (days)", type: "number", required: true },
    { id: "encryption", label: "Encryption", type: "boolean", required: true },
    { id: "accessControl", label: "Access control (IAM role / service account)", type: "text", required: false },
  ],
  evaluate(snapshot, ctx) {
    const pre = remoteLoggingEnabled.evaluate(snapshot, ctx);
    if (pre.status !== "pass") return fail(`Pre-check: ${pre.message}`, pre.evidence);
    return pass("Remote logging is on; retention and access need a person's attestation", pre.evidence);
  },
};

/** Part 3 checks in display order. */
export const PART_3_CHECKS: readonly Check[] = [remoteLoggingEnabled, remoteLogFolder, remoteLogConnId, logRetention];
