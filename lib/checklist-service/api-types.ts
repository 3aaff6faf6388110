// Response shapes of the checklist API (shared by route handlers and the UI). Pure types, no runtime code:
// components import them with `import type`.
import type { ApiChecklist, ApiItem } from "@/lib/checklist/export-json";
import type { ItemChange, SnapshotFacts } from "@/lib/checklist/signoff";
import type { AttestationField, ItemStatus } from "@/lib/checklist/types";

/** Sign-off state as the API reports it. */
export type SignoffStateName = "none" | "requested" | "approved" | "rejected" | "stale" | "expired";

/** One review request and its decision. */
export interface ReviewView {
  id: string;
  /** "withdrawn": the requester took the request back before anyone decided it. */
  state: "requested" | "approved" | "rejected" | "withdrawn";
  requestedBy: string;
  requestedAt: string;
  comment: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
  expiresAt?: string;
  evidenceHash?: string;
  staleAt?: string;
  staleReasons: string[];
}

/** The sign-off of a release: the state of the newest review, with the newest approved one when they differ. */
export interface SignoffView {
  state: SignoffStateName;
  /** Why the sign-off is stale or expired (empty otherwise). */
  reasons: string[];
  review?: ReviewView;
  /** The newest approved review, when the newest review is a later request or rejection. */
  approved?: ReviewView & { state: "approved"; effectiveState: "approved" | "stale" | "expired" };
  /** Something the sign-off triggers that waits, e.g. the SignoffStale Event in read-only mode. */
  notice?: string;
  [detail: string]: unknown;
}

/** A waiver as stored (pending ones included), for the waiver panel. */
export interface WaiverView {
  id: string;
  checkId: string;
  reason: string;
  ticketUrl?: string;
  requestedBy: string;
  createdAt: string;
  expiresAt: string;
  state: "requested" | "approved";
  approvedBy?: string;
  approvedAt?: string;
  approvalComment?: string;
  /** How the evaluator applies it now (valid, expired, unapproved …). */
  effect: string;
}

/** One checklist item: the API item plus what the UI needs to explain and act on it. */
export interface ChecklistItemView extends ApiItem {
  partTitle: string;
  why: string;
  autoStatus: ItemStatus;
  attestationFields?: AttestationField[];
}

/** What the signed-in user may do on this page (the server enforces the same rules). */
export interface ChecklistPermissions {
  attest: boolean;
  requestWaiver: boolean;
  approve: boolean;
  requestReview: boolean;
  evaluate: boolean;
  /** The signed-in user's display name (to hide "approve" on their own requests). */
  self: string;
}

/** GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}. */
export interface ChecklistView extends Omit<ApiChecklist, "items" | "signoff"> {
  cluster: string;
  items: ChecklistItemView[];
  signoff: SignoffView;
  facts: SnapshotFacts;
  waivers: WaiverView[];
  maxWaiverDays: number;
  permissions: ChecklistPermissions;
  cache: { status: string; staleSince?: string };
  /** Set when the release's chart is not the official Apache Airflow chart: no item is judged, this says why. */
  unsupported?: string;
}

/** One row of the subject list. */
export interface ChecklistSubjectView {
  cluster: string;
  namespace: string;
  name: string;
  releaseName: string;
  chartVersion?: string;
  airflowMajor: 2 | 3;
  gate: "pass" | "fail";
  score: number;
  counts: Record<ItemStatus, number>;
  evaluatedAt: string;
  signoff: { state: SignoffStateName; reasons: string[]; signedBy?: string; signedAt?: string };
  /** Set when the chart is not the official one (see ChecklistView.unsupported). */
  unsupported?: string;
}

/** GET /api/v1/clusters/{cluster}/checklists and GET /api/v1/checklists. */
export interface ChecklistListResponse {
  subjects: ChecklistSubjectView[];
  /** Clusters that could not be evaluated, with the reason. */
  errors: { cluster: string; message: string }[];
}

/** One stored evaluation run with what changed since the run before it. */
export interface HistoryEntry {
  id: string;
  at: string;
  trigger: string;
  gate: "pass" | "fail";
  score: number;
  counts: Partial<Record<ItemStatus, number>>;
  changes: ItemChange[];
  facts: SnapshotFacts;
  hash: string;
  hashVerified: boolean;
}

/** GET …/history. */
export interface HistoryResponse {
  runs: HistoryEntry[];
}

/** GET …/reviews/{id}: the review with its immutable evidence. */
export interface ReviewDetailView extends ReviewView {
  evidence?: unknown;
  hashVerified?: boolean;
}

/** `event: checklist` on …/checklists/stream: a release was re-evaluated. */
export interface ChecklistStreamEvent {
  cluster: string;
  namespace: string;
  release: string;
  evaluatedAt: string;
  gate: "pass" | "fail";
  score: number;
  signoff: SignoffStateName;
  signature: string;
}
