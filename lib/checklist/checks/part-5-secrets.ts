// Part 5 — Secrets: nothing inlined; fernet, webserver, API and JWT keys referenced by name where the release's
// chart version reads them (1.16–1.19 × Airflow 2/3); other references present; ESO-managed ones synced.

import { stringify } from "yaml";
import type { EvalContext } from "../context";
import { esoState } from "../eso";
import { honoursValue } from "../chart-facts";
import { findInlineSecrets, type InlineSecretPath } from "../inline-secrets";
import { checkSecretRef, referencedSecrets, secretRole } from "../secret-refs";
import { setAtTargetPath } from "../target-path";
import type { ChecklistSnapshot } from "../snapshot";
import type { Check, CheckOutcome, Evidence, Fix } from "../types";
import { ev, fail, isSet, notApplicable, pass, shown, warn } from "./outcome";

const PART = { part: "5", partTitle: "Security & secrets management" } as const;

/**
 * The Secret-name value to use instead of an inline secret, as read by the release's chart version and Airflow
 * version: an inline `apiSecretKey` on 1.16/1.17 becomes `webserverSecretKeySecretName` (what those charts read for
 * Airflow 3); undefined when the chart reads neither (e.g. `jwtSecret` on 1.16, `webserverSecretKey` for Airflow 3
 * on 1.18+): such a value is only to be removed.
 */
function honouredReplacement(ctx: EvalContext, spec: InlineSecretPath): { path: string; name: string } | undefined {
  const web = { path: "webserverSecretKeySecretName", name: "airflow-webserver-secret-key" };
  const own = { path: spec.replacement, name: spec.suggestedName };
  if (spec.path === "webserverSecretKey") return ctx.secretKeys.webserverSecretKey ? own : undefined;
  if (spec.path === "apiSecretKey")
    return ctx.secretKeys.apiSecretKey ? own : ctx.secretKeys.webserverSecretKey && ctx.major === 3 ? web : undefined;
  if (spec.path === "jwtSecret") return ctx.secretKeys.jwtSecret ? own : undefined;
  return honoursValue(ctx.line, spec.replacement) ? own : undefined;
}

/** Secrets inlined in `spec.values` or a ConfigMap valuesFrom. */
export const noInlineSecrets: Check = {
  ...PART,
  id: "secrets.no-inline",
  version: 1,
  title: "No secrets inlined in values",
  why: "Values live in Git and in the Helm release Secret; a key or password there is readable by anyone with repository access.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: {
    text: "Move each value into a Secret (ideally an ExternalSecret), reference it by name, remove the inline value, and rotate it — it is in Git history.",
  },
  evaluate(_snapshot, ctx) {
    const findings = findInlineSecrets(ctx);
    if (!findings.length) return pass("No secret material found inline in spec.values or ConfigMap values");
    const evidence = findings.map((f) => ev(`\`${f.path}\` is set inline in ${f.source} (value not shown)`));
    const snippet: Record<string, unknown> = {};
    const ignored: string[] = [];
    for (const f of findings) {
      const r = honouredReplacement(ctx, f.spec);
      if (r) setAtTargetPath(snippet, r.path, r.name);
      else ignored.push(`\`${f.path}\``);
    }
    const paths = [...new Set(findings.map((f) => `\`${f.path}\``))].join(", ");
    const note = ignored.length
      ? ` Chart ${ctx.chartVersion ?? ctx.line} ignores ${[...new Set(ignored)].join(", ")}: just remove it.`
      : "";
    const fix: Fix = {
      text: `Remove ${paths} from values, store them in Secrets and reference them by name; rotate them.${note}`,
    };
    if (Object.keys(snippet).length) fix.valuesSnippet = stringify(snippet);
    return { status: "fail", message: `Secret material inlined in values: ${paths}`, evidence, fix };
  },
};

function namedSecret(
  snapshot: ChecklistSnapshot,
  ctx: EvalContext,
  roleId: string,
  inlinePath: string | undefined,
  consequence: string,
): CheckOutcome {
  const role = secretRole(roleId);
  const name = ctx.get(role.path);
  const evidence: Evidence[] = [ev(shown(ctx, role.path))];
  if (!isSet(name)) {
    const inline = inlinePath && isSet(ctx.get(inlinePath)) ? ` and \`${inlinePath}\` is inlined` : "";
    return fail(`\`${role.path}\` is not set${inline}; ${consequence}`, evidence);
  }
  const check = checkSecretRef(ctx, roleId, String(name));
  evidence.push(...check.evidence);
  const eso = esoState(snapshot, ctx, String(name));
  if (eso.managed) evidence.push(...eso.evidence);
  if (!check.ok) {
    const why = !check.exists && eso.problem ? `${check.problem ?? ""}: ${eso.problem}` : check.problem;
    return fail(why ?? `Secret ${String(name)} incomplete`, evidence);
  }
  return pass(`${role.purpose} comes from Secret ${String(name)}`, evidence);
}

const SECRET_DOC = "Create the Secret (ideally through an ExternalSecret) and reference it by name.";

/** `fernetKeySecretName` → Secret with `fernet-key`. */
export const fernetKeySecret: Check = {
  ...PART,
  id: "secrets.fernet-key",
  version: 1,
  title: "Fernet key from a named Secret (`fernet-key`)",
  why: "Without `fernetKeySecretName` the chart creates `<release>-fernet-key` (1.19: `<fullname>-fernet-key`) once as a pre-install hook; it can never be rotated through Helm.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: {
    text: `${SECRET_DOC} Key: \`fernet-key\` (44-character URL-safe base64).`,
    valuesSnippet: "fernetKeySecretName: airflow-fernet-key\n",
  },
  evaluate(snapshot, ctx) {
    const out = namedSecret(
      snapshot,
      ctx,
      "fernet",
      "fernetKey",
      `the chart generates Secret ${ctx.names.fernetKeySecret} once, as a pre-install hook that Helm never updates`,
    );
    const name = ctx.get("fernetKeySecretName");
    if (out.status === "pass" && ctx.secret(String(name))?.fernetKeyWellFormed === false) {
      return fail("Key `fernet-key` is not a valid Fernet key (URL-safe base64 of 32 bytes)", out.evidence);
    }
    return out;
  },
};

/** Chart versions that read a key, in words (`_helpers.yaml` standard_airflow_environment of each version). */
function keyNote(ctx: EvalContext, what: "webserver" | "api" | "jwt"): string {
  const chart = `chart ${ctx.chartVersion ?? ctx.line}`;
  if (what === "webserver")
    return `${chart} reads AIRFLOW__API__SECRET_KEY (\`apiSecretKeySecretName\`) for Airflow ${ctx.airflowVersion}, not the webserver key`;
  if (what === "api")
    return `${chart} has no API secret key (from chart 1.18): for Airflow ${ctx.airflowVersion} it reads the webserver secret key (see secrets.webserver-secret-key)`;
  return `${chart} ${ctx.major === 3 ? "has no JWT secret (from chart 1.17)" : "sets no JWT secret for Airflow 2"}`;
}

/** `webserverSecretKeySecretName` → `webserver-secret-key`, where the chart version reads it. */
export const webserverSecretKey: Check = {
  ...PART,
  id: "secrets.webserver-secret-key",
  version: 2,
  title: "Webserver secret key from a named Secret",
  why: "Charts 1.16/1.17 read it for every Airflow version, 1.18+ for Airflow 2 only. Without a named Secret the chart generates a random key on every upgrade: users are logged out and log-serving tokens stop matching.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: `${SECRET_DOC} Key: \`webserver-secret-key\`.`,
    valuesSnippet: "webserverSecretKeySecretName: airflow-webserver-secret-key\n",
  },
  evaluate(snapshot, ctx) {
    if (!ctx.secretKeys.webserverSecretKey) return notApplicable(keyNote(ctx, "webserver"));
    const out = namedSecret(
      snapshot,
      ctx,
      "webserver-key",
      "webserverSecretKey",
      "a new random key is generated on every upgrade",
    );
    if (ctx.major === 3 && isSet(ctx.get("apiSecretKeySecretName")))
      out.evidence.push(
        ev(
          `\`apiSecretKeySecretName\` is set but chart ${ctx.chartVersion ?? ctx.line} ignores it: it reads the webserver key for Airflow 3`,
        ),
      );
    return out;
  },
};

/** Airflow 3: `apiSecretKeySecretName` → `api-secret-key` (charts ≥1.18; older charts read the webserver key). */
export const apiSecretKey: Check = {
  ...PART,
  id: "secrets.api-secret-key",
  version: 2,
  title: "API secret key from a named Secret (Airflow 3)",
  why: "From chart 1.18 Airflow 3 signs sessions and log-serving tokens with `[api] secret_key`; a generated key changes on every upgrade.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: `${SECRET_DOC} Key: \`api-secret-key\`.`,
    valuesSnippet: "apiSecretKeySecretName: airflow-api-secret-key\n",
  },
  evaluate(snapshot, ctx) {
    if (!ctx.secretKeys.apiSecretKey)
      return notApplicable(ctx.major === 3 ? keyNote(ctx, "api") : "Airflow 2 uses webserverSecretKeySecretName");
    if (!isSet(ctx.get("apiSecretKeySecretName")) && isSet(ctx.get("webserverSecretKeySecretName")))
      return fail(
        `Chart ${ctx.chartVersion ?? ctx.line} reads \`apiSecretKeySecretName\` for Airflow 3; \`webserverSecretKeySecretName\` is ignored`,
        [ev(shown(ctx, "webserverSecretKeySecretName"))],
      );
    return namedSecret(snapshot, ctx, "api-key", "apiSecretKey", "a new random key is generated on every upgrade");
  },
};

/** Airflow 3: `jwtSecretName` → `jwt-secret` (charts ≥1.17). */
export const jwtSecret: Check = {
  ...PART,
  id: "secrets.jwt-secret",
  version: 2,
  title: "JWT secret from a named Secret (Airflow 3)",
  why: "From chart 1.17 the scheduler and API server must share the JWT secret; a generated one is regenerated on every install/upgrade.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: { text: `${SECRET_DOC} Key: \`jwt-secret\`.`, valuesSnippet: "jwtSecretName: airflow-jwt-secret\n" },
  evaluate(snapshot, ctx) {
    if (!ctx.secretKeys.jwtSecret) return notApplicable(keyNote(ctx, "jwt"));
    return namedSecret(snapshot, ctx, "jwt", "jwtSecret", "it is regenerated on every install/upgrade");
  },
};

const OTHER_ROLES = ["result-backend", "broker-url", "redis-password", "elasticsearch"];

/** Other referenced Secrets (result backend, broker URL, Redis, Elasticsearch) exist with their keys. */
export const otherReferences: Check = {
  ...PART,
  id: "secrets.other-references",
  version: 1,
  title: "Other referenced Secrets present",
  why: "A Secret named in values but missing makes pods fail with CreateContainerConfigError.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: { text: "Create each missing Secret with the listed key, or remove the reference." },
  evaluate(_snapshot, ctx) {
    const refs = referencedSecrets(ctx).filter((r) => OTHER_ROLES.includes(r.role.id));
    if (!refs.length) return notApplicable("No result-backend, broker, Redis or Elasticsearch Secret is referenced");
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const r of refs) {
      const check = checkSecretRef(ctx, r.role.id, r.name);
      evidence.push(...check.evidence);
      if (!check.ok) problems.push(check.problem ?? r.name);
    }
    return problems.length
      ? fail(problems.join("; "), evidence)
      : pass(`${refs.length} referenced Secret(s) present`, evidence);
  },
};

/** Every referenced Secret managed by ESO has a Ready ExternalSecret and a Ready store. */
export const esoSynced: Check = {
  ...PART,
  id: "secrets.eso-synced",
  version: 1,
  title: "ESO-managed Secrets synced",
  why: "An ExternalSecret that cannot sync leaves the Secret stale or missing; the next rotation or restart then breaks Airflow.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Fix the ExternalSecret (missing vault item or property, store credentials), then force-sync: `kubectl annotate es NAME force-sync=$(date +%s) --overwrite`.",
  },
  evaluate(snapshot, ctx) {
    const names = [...new Set(referencedSecrets(ctx).map((r) => r.name))];
    const states = names.map((n) => ({ name: n, state: esoState(snapshot, ctx, n) })).filter((s) => s.state.managed);
    if (!states.length) return notApplicable("No referenced Secret is managed by External Secrets");
    const evidence = states.flatMap((s) => s.state.evidence);
    const problems = states.filter((s) => !s.state.synced).map((s) => s.state.problem ?? s.name);
    return problems.length
      ? fail(problems.join("; "), evidence)
      : pass(`${states.length} ESO-managed Secret(s) synced`, evidence);
  },
};

/** Advisory: referenced Secrets should come from an external store via ESO. */
export const externallyManaged: Check = {
  ...PART,
  id: "secrets.externally-managed",
  version: 1,
  title: "Referenced Secrets come from an external store",
  why: "Secrets created by hand have no audit trail, no backup and no rotation path; ESO keeps the backend the source of truth.",
  mode: "auto",
  severity: "low",
  blocking: false,
  fix: { text: "Create an ExternalSecret per Secret (target.name = the Secret name) backed by your vault." },
  evaluate(snapshot, ctx) {
    const names = [...new Set(referencedSecrets(ctx).map((r) => r.name))];
    if (!names.length) return notApplicable("No Secret is referenced by name");
    const manual = names.filter((n) => !esoState(snapshot, ctx, n).managed);
    const evidence = names.map((n) =>
      ev(`Secret ${n}: ${manual.includes(n) ? "not managed by ESO" : "managed by ESO"}`),
    );
    return manual.length
      ? warn(`${manual.length} of ${names.length} referenced Secret(s) are not managed by External Secrets`, evidence)
      : pass("All referenced Secrets are managed by External Secrets", evidence);
  },
};

/** Part 5 automatic checks in display order (rotation attestations are in part-5-rotation.ts). */
export const PART_5_AUTO_CHECKS: readonly Check[] = [
  noInlineSecrets,
  fernetKeySecret,
  webserverSecretKey,
  apiSecretKey,
  jwtSecret,
  otherReferences,
  esoSynced,
  externallyManaged,
];
