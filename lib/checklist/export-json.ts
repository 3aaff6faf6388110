// JSON export in the shape of the CI-gate API (issue 7): `{ release, gate, score, items, signoff }`.

import type { ChecklistResult, Evidence, Fix, ItemStatus, Part } from "./types";

/** Sign-off summary as the API reports it (`requested`/`rejected` come from the review store). */
export interface SignoffSummary {
  state: "none" | "requested" | "approved" | "rejected" | "stale" | "expired";
  [detail: string]: unknown;
}

/** One item in the API/JSON shape. */
export interface ApiItem {
  id: string;
  version: number;
  part: Part;
  title: string;
  mode: string;
  severity: string;
  status: ItemStatus;
  blocking: boolean;
  message: string;
  evidence: Evidence[];
  fix?: Fix;
  attestation?: {
    state: string;
    attestedBy: string;
    attestedAt: string;
    expiresAt: string;
    fields: Record<string, string>;
    links?: string[];
  };
  waiver?: {
    state: string;
    reason: string;
    ticketUrl?: string;
    requestedBy: string;
    approvedBy?: string;
    expiresAt: string;
  };
}

/** The API/JSON document for one release. */
export interface ApiChecklist {
  release: { namespace: string; name: string; releaseName: string; chartVersion?: string; airflowMajor: 2 | 3 };
  evaluatedAt: string;
  gate: "pass" | "fail";
  score: number;
  counts: Record<ItemStatus, number>;
  items: ApiItem[];
  signoff: SignoffSummary;
}

/** Map a result to the API shape. */
export function toApiShape(result: ChecklistResult, signoff: SignoffSummary = { state: "none" }): ApiChecklist {
  return {
    release: { ...result.subject },
    evaluatedAt: result.evaluatedAt,
    gate: result.gate,
    score: result.score,
    counts: { ...result.counts },
    items: result.items.map((i) => {
      const item: ApiItem = {
        id: i.id,
        version: i.version,
        part: i.part,
        title: i.title,
        mode: i.mode,
        severity: i.severity,
        status: i.status,
        blocking: i.blocking,
        message: i.message,
        evidence: i.evidence,
      };
      if (i.fix) item.fix = i.fix;
      if (i.attestation) {
        const a = i.attestation;
        item.attestation = {
          state: a.state,
          attestedBy: a.attestedBy,
          attestedAt: a.attestedAt,
          expiresAt: a.expiresAt,
          fields: a.fields,
          links: a.links,
        };
      }
      if (i.waiver) {
        const w = i.waiver;
        item.waiver = {
          state: w.state,
          reason: w.reason,
          ticketUrl: w.ticketUrl,
          requestedBy: w.requestedBy,
          approvedBy: w.approvedBy,
          expiresAt: w.expiresAt,
        };
      }
      return item;
    }),
    signoff,
  };
}

/** Pretty JSON export (the API shape). */
export function toJson(result: ChecklistResult, signoff?: SignoffSummary): string {
  return `${JSON.stringify(toApiShape(result, signoff), null, 2)}\n`;
}
