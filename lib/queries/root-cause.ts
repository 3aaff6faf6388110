// The one-line form of a root-cause chain: "HelmRelease airflow → Secret airflow-metadata (missing) →
// ExternalSecret airflow-metadata: could not get secret data from provider". Pure.
import { detailHref, type RootCauseStep } from "@/lib/views/detail";

export interface RootCauseSegment {
  key: string;
  /** "HelmRelease airflow" or "Secret airflow-metadata (missing)". */
  label: string;
  /** Deep link of the step's object; null for steps that have no page (missing objects). */
  href: string | null;
  status: RootCauseStep["status"];
}

export function rootCauseSegments(cluster: string, steps: readonly RootCauseStep[]): RootCauseSegment[] {
  return steps.map((s) => {
    const missing = s.status === "Missing";
    return {
      key: s.id,
      label: `${s.kind} ${s.name}${missing ? " (missing)" : ""}`,
      href: missing ? null : detailHref(cluster, s.resource, s.namespace, s.name),
      status: s.status,
    };
  });
}

/**
 * The message that ends the line: the deepest existing step's message (or reason). A missing object has no status
 * of its own, so the line ends with what the object that needs it says (e.g. "Source '…' not found").
 */
export function rootCauseMessage(steps: readonly RootCauseStep[]): string {
  const last = [...steps].reverse().find((s) => s.status !== "Missing");
  if (!last) return "";
  return last.message || last.reason;
}

export function rootCauseText(steps: readonly RootCauseStep[]): string {
  const line = rootCauseSegments("", steps)
    .map((s) => s.label)
    .join(" → ");
  const msg = rootCauseMessage(steps);
  return msg ? `${line}: ${msg}` : line;
}
