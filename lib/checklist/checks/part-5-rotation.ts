// Part 5 — attested rotation policy, one item per secret the release depends on (seed 002's Secrets table).

import type { EvalContext } from "../context";
import { secretRole } from "../secret-refs";
import type { AttestationField, Check } from "../types";
import { ev, isSet, needsAttestation, notApplicable, truthy } from "./outcome";

/** Rotation policy choices (seed 002 uses Quarterly / Annual / "Never (break existing)"). */
export const ROTATION_POLICIES = [
  "Monthly",
  "Quarterly",
  "Semi-annual",
  "Annual",
  "On compromise only",
  "Never (break existing)",
];

const FIELDS: AttestationField[] = [
  { id: "policy", label: "Rotation policy", type: "select", options: ROTATION_POLICIES, required: true },
  { id: "procedure", label: "Rotation runbook", type: "url", required: false },
  { id: "lastRotated", label: "Last rotated", type: "text", required: false },
  { id: "backend", label: "Source of truth (vault / item)", type: "text", required: false },
];

interface RotationSpec {
  roleId: string;
  suffix: string;
  what: string;
  why: string;
  applies: (ctx: EvalContext) => boolean;
  severity: Check["severity"];
  /** The Secret the chart renders when the name is unset (chart templates of the release's version). */
  generatedName: (ctx: EvalContext) => string | undefined;
}

function rotationCheck(spec: RotationSpec): Check {
  const role = secretRole(spec.roleId);
  return {
    part: "5",
    partTitle: "Security & secrets management",
    id: `secrets.rotation.${spec.suffix}`,
    version: 1,
    title: `Rotation policy attested: ${spec.what}`,
    why: spec.why,
    mode: "attested",
    severity: spec.severity,
    blocking: true,
    attestationFields: FIELDS,
    evaluate(_snapshot, ctx) {
      if (!spec.applies(ctx)) return notApplicable(`${spec.what} is not used by this release`);
      const name = ctx.get(role.path);
      const generated = spec.generatedName(ctx);
      const which = isSet(name)
        ? `Secret ${String(name)} (\`${role.path}\`)`
        : `chart-generated Secret${generated ? ` ${generated}` : ""} (\`${role.path}\` unset)`;
      return needsAttestation(`Rotation policy for the ${spec.what.toLowerCase()} needs a person's attestation`, [
        ev(which),
      ]);
    },
  };
}

const gitSsh = (ctx: EvalContext) =>
  truthy(ctx.get("dags.gitSync.enabled")) &&
  /^(ssh:\/\/|[\w.-]+@[\w.-]+:)/.test(String(ctx.get("dags.gitSync.repo") ?? ""));

/** Rotation attestations in display order. */
export const ROTATION_CHECKS: readonly Check[] = [
  rotationCheck({
    roleId: "metadata",
    suffix: "metadata",
    generatedName: (ctx) => ctx.names.metadataSecret,
    what: "Metadata DB connection",
    why: "Rotating the DB password needs ALTER ROLE first, then the Secret, then a restart; the policy says how often and who does it.",
    applies: () => true,
    severity: "medium",
  }),
  rotationCheck({
    roleId: "fernet",
    suffix: "fernet",
    generatedName: (ctx) => ctx.names.fernetKeySecret,
    what: "Fernet key",
    why: "Rotating the fernet key needs `new,old`, `airflow rotate-fernet-key`, then `new`; dropping the old key early loses every encrypted connection.",
    applies: () => true,
    severity: "medium",
  }),
  rotationCheck({
    roleId: "webserver-key",
    suffix: "webserver",
    generatedName: (ctx) => ctx.names.webserverSecretKeySecret,
    what: "Webserver secret key",
    why: "Rotating the webserver key logs users out and must reach all components at once.",
    applies: (ctx) => ctx.secretKeys.webserverSecretKey,
    severity: "medium",
  }),
  rotationCheck({
    roleId: "api-key",
    suffix: "api",
    generatedName: (ctx) => ctx.names.apiSecretKeySecret,
    what: "API secret key",
    why: "Rotating the API key logs users out and must reach all components at once.",
    applies: (ctx) => ctx.secretKeys.apiSecretKey,
    severity: "medium",
  }),
  rotationCheck({
    roleId: "jwt",
    suffix: "jwt",
    generatedName: (ctx) => ctx.names.jwtSecretReferenced ?? ctx.names.jwtSecret,
    what: "JWT secret",
    why: "The API server and scheduler must switch JWT secrets together; tasks holding old tokens may fail.",
    applies: (ctx) => ctx.secretKeys.jwtSecret,
    severity: "medium",
  }),
  rotationCheck({
    roleId: "git-ssh",
    suffix: "git-ssh",
    generatedName: (ctx) => ctx.names.sshSecret,
    what: "git-sync deploy key",
    why: "Deploy keys should be rotated (add new key, switch Secret, restart, revoke old) on a schedule and on staff changes.",
    applies: gitSsh,
    severity: "low",
  }),
];
