// POST …/attestations: a person states an item's result with the fields seed 002's template asks for. Hybrid
// items need their automatic pre-check to pass first. Invalid input is refused before anything is written.
// Attesting speaks for the release, so it needs the right to change it: Kubernetes `patch` on the HelmRelease,
// checked as the user (SubjectAccessReview) — seeing it (`get`) is not enough.
import "server-only";
import { checkById, validateAttestation, type Attestation } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { can } from "@/lib/k8s/access";
import { requireSubject } from "./access";
import { auditChecklist, type AuditContext } from "./audit";
import { evaluateRelease } from "./evaluate";
import { ATTESTATION_DEFAULT_DAYS, ATTESTATION_MAX_DAYS, DAY_MS } from "./limits";
import { checklistMonitor } from "./monitor";
import type { AttestationBody } from "./schemas";
import { insertAttestation } from "./store/attestations";
import { keyOf } from "./subjects";

function expiryOf(body: AttestationBody, now: Date): Date {
  const expiresAt = body.expiresAt
    ? new Date(body.expiresAt)
    : new Date(now.getTime() + ATTESTATION_DEFAULT_DAYS * DAY_MS);
  if (expiresAt.getTime() <= now.getTime()) throw new AppError("bad_request", "expiresAt must be in the future");
  if (expiresAt.getTime() > now.getTime() + ATTESTATION_MAX_DAYS * DAY_MS) {
    throw new AppError("bad_request", `an attestation may last at most ${ATTESTATION_MAX_DAYS} days`);
  }
  return expiresAt;
}

/** 403 (audited as denied) unless the user may `patch` the HelmRelease (their own RBAC). */
async function requireReleasePatch(ctx: AuditContext, checkId: string): Promise<void> {
  const { cluster, namespace, release } = ctx.subject;
  const allowed = await can(cluster, ctx.user, { verb: "patch", group: "helm.toolkit.fluxcd.io", resource: "helmreleases", namespace, name: release });
  if (allowed) return;
  const message = `Attesting needs the right to change HelmRelease ${namespace}/${release}: your Kubernetes RBAC does not allow "patch" on helmreleases (helm.toolkit.fluxcd.io) in namespace ${namespace}`;
  await auditChecklist(ctx, "checklist.attest", "denied", message, { checkId });
  throw new AppError("forbidden", message);
}

export async function attest(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  body: AttestationBody,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  await requireReleasePatch({ user, requestId, subject: keyOf(cluster, release) }, body.checkId);
  const check = checkById(body.checkId);
  if (!check) throw new AppError("bad_request", `Unknown checklist item "${body.checkId}"`);
  if (check.mode === "auto")
    throw new AppError("bad_request", `${check.id} is checked automatically and cannot be attested`);
  const now = new Date();
  const expiresAt = expiryOf(body, now);
  const fields = Object.fromEntries(
    Object.entries(body.fields)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ""),
  );
  const candidate: Attestation = {
    checkId: check.id,
    checkVersion: check.version,
    fields,
    links: body.links ?? [],
    attestedBy: user.name,
    attestedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  const problems = validateAttestation(check, candidate);
  if (problems.length) throw new AppError("bad_request", `Attestation of ${check.id} refused: ${problems.join("; ")}`);
  const ev = await evaluateRelease(cache, release, now);
  const item = ev.result.items.find((i) => i.id === check.id);
  if (item?.autoStatus === "not-applicable")
    throw new AppError("conflict", `${check.id} does not apply to this release: ${item.message}`);
  if (check.mode === "hybrid" && item?.autoStatus !== "pass") {
    throw new AppError(
      "conflict",
      `The automatic pre-check of ${check.id} must pass before it can be attested: ${item?.message ?? "not evaluated"}`,
    );
  }
  const subject = keyOf(cluster, release);
  const saved = await insertAttestation(subject, {
    checkId: check.id,
    checkVersion: check.version,
    fields,
    links: candidate.links ?? [],
    attestedBy: user.name,
    attestedBySubject: user.subject,
    attestedAt: now,
    expiresAt,
  });
  await auditChecklist(
    { user, requestId, subject },
    "checklist.attest",
    "success",
    `Attested ${check.id} until ${saved.expiresAt}`,
    {
      attestationId: saved.id,
      checkId: check.id,
      checkVersion: check.version,
      expiresAt: saved.expiresAt,
    },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  return { attestation: saved };
}
