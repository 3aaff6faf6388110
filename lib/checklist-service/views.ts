// Response mappers: an evaluation plus sign-off and permissions → the API shapes (lib/checklist-service/api-types).
import "server-only";
import { toApiShape, waiverState } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { permissionsOf } from "./access";
import type {
  ChecklistItemView,
  ChecklistStreamEvent,
  ChecklistSubjectView,
  ChecklistView,
  SignoffView,
  WaiverView,
} from "./api-types";
import type { Evaluation } from "./evaluate";
import { waiverMaxDays } from "./limits";
import { toWaiver, type WaiverRow } from "./store/waivers";

function itemViews(ev: Evaluation, signoff: SignoffView): ChecklistItemView[] {
  return toApiShape(ev.result, signoff).items.map((item, i) => {
    const r = ev.result.items[i];
    const view: ChecklistItemView = { ...item, partTitle: r.partTitle, why: r.why, autoStatus: r.autoStatus };
    if (r.attestationFields) view.attestationFields = r.attestationFields;
    return view;
  });
}

export function waiverViews(rows: WaiverRow[], now: Date): WaiverView[] {
  return rows.map((r) => {
    const { requestedBySubject: _subject, ...rest } = r;
    // A request nobody approved before its expiry can no longer be approved: say "expired", not "waiting".
    const lapsed = r.state === "requested" && Date.parse(r.expiresAt) <= now.getTime();
    return { ...rest, effect: lapsed ? "expired" : waiverState(toWaiver(r), now.toISOString(), waiverMaxDays()) };
  });
}

export function checklistView(
  ev: Evaluation,
  signoff: SignoffView,
  user: Principal,
  cache: ClusterCache,
): ChecklistView {
  const api = toApiShape(ev.result, signoff);
  const status = cache.status();
  return {
    ...api,
    cluster: ev.subject.cluster,
    items: itemViews(ev, signoff),
    signoff,
    facts: ev.facts,
    waivers: waiverViews(ev.waivers, new Date(ev.result.evaluatedAt)),
    maxWaiverDays: waiverMaxDays(),
    permissions: permissionsOf(user),
    cache: { status: status.status, staleSince: status.staleSince },
    ...(ev.support.supported ? {} : { unsupported: ev.support.message }),
  };
}

export function subjectView(ev: Evaluation, signoff: SignoffView): ChecklistSubjectView {
  const r = ev.result;
  const signed = signoff.state === "requested" || signoff.state === "rejected" ? signoff.approved : signoff.review;
  return {
    cluster: ev.subject.cluster,
    namespace: r.subject.namespace,
    name: r.subject.name,
    releaseName: r.subject.releaseName,
    chartVersion: r.subject.chartVersion,
    airflowMajor: r.subject.airflowMajor,
    gate: r.gate,
    score: r.score,
    counts: r.counts,
    evaluatedAt: r.evaluatedAt,
    signoff: {
      state: signoff.state,
      reasons: signoff.reasons,
      signedBy: signed?.decidedBy,
      signedAt: signed?.decidedAt,
    },
    ...(ev.support.supported ? {} : { unsupported: ev.support.message }),
  };
}

export function streamEvent(ev: Evaluation, signoff: SignoffView, signature: string): ChecklistStreamEvent {
  return {
    cluster: ev.subject.cluster,
    namespace: ev.subject.namespace,
    release: ev.subject.release,
    evaluatedAt: ev.result.evaluatedAt,
    gate: ev.result.gate,
    score: ev.result.score,
    signoff: signoff.state,
    signature,
  };
}
