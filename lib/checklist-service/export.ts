// GET …/export.md and …/export.json: the filled-in CHECKLIST.md (seed 002's template + evidence appendix) and
// the CI-gate JSON, both from an evaluation made now.
import "server-only";
import { exportMarkdown, toJson, type SignoffExport } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import { requireSubject } from "./access";
import type { SignoffView } from "./api-types";
import { evaluateAndRecord } from "./service";
import { parseEvidence } from "./signoff";
import { listReviews } from "./store/reviews";
import type { SubjectKey } from "./subjects";

async function signoffExport(subject: SubjectKey, signoff: SignoffView): Promise<SignoffExport> {
  const approved = (await listReviews(subject, 20)).find((r) => r.state === "approved");
  const out: SignoffExport = { state: signoff.state, reasons: signoff.reasons };
  if (signoff.state === "requested" && signoff.review)
    out.comment = `review requested by ${signoff.review.requestedBy}`;
  if (signoff.state === "rejected" && signoff.review)
    out.comment = `rejected by ${signoff.review.decidedBy ?? "?"}: ${signoff.review.decisionComment ?? ""}`;
  if (!approved) return out;
  const evidence = parseEvidence(approved);
  return {
    ...out,
    signer: evidence.signer,
    signedAt: evidence.signedAt,
    expiresAt: evidence.expiresAt,
    hash: evidence.hash,
    comment: out.comment ?? (approved.decisionComment || undefined),
  };
}

function fileName(s: SubjectKey, ext: string): string {
  return `CHECKLIST-${s.cluster}-${s.namespace}-${s.release}.${ext}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

export async function exportChecklist(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  format: "md" | "json",
): Promise<Response> {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const { ev, signoff } = await evaluateAndRecord(cache, release, "change");
  const headers = {
    "cache-control": "no-store",
    "content-disposition": `attachment; filename="${fileName(ev.subject, format)}"`,
  };
  if (format === "json")
    return new Response(toJson(ev.result, signoff), {
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
    });
  const text = exportMarkdown(ev.result, ev.snapshot, await signoffExport(ev.subject, signoff));
  return new Response(text, { headers: { ...headers, "content-type": "text/markdown; charset=utf-8" } });
}
