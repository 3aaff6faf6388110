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

/** The message that ends the line: the deepest step's message (or reason). */
export function rootCauseMessage(steps: readonly RootCauseStep[]): string {
  const last = steps[steps.length - 1];
  if (!last || last.status === "Missing") return "";
  return last.message || last.reason;
}

export function rootCauseText(steps: readonly RootCauseStep[]): string {
  const line = rootCauseSegments("", steps)
    .map((s) => s.label)
    .join(" → ");
  const msg = rootCauseMessage(steps);
  return msg ? `${line}: ${msg}` : line;
}
