// Column layout of the resource list (a CSS grid shared by the header and the virtualised rows).
import type { SortKey } from "@/lib/queries/list-filters";

export interface ListColumn {
  id: string;
  label: string;
  sort?: SortKey;
}

export function listColumns(namespaced: boolean): ListColumn[] {
  return [
    { id: "name", label: "Name", sort: "name" },
    ...(namespaced ? [{ id: "namespace", label: "Namespace", sort: "namespace" as const }] : []),
    { id: "health", label: "Health", sort: "health" },
    { id: "message", label: "Message" },
    { id: "revision", label: "Revision", sort: "revision" },
    { id: "lastReconciledAt", label: "Reconciled", sort: "lastReconciledAt" },
    { id: "age", label: "Age", sort: "age" },
  ];
}

/** grid-template-columns: checkbox, then the columns above. */
export function gridTemplate(namespaced: boolean): string {
  return [
    "2.25rem",
    "minmax(11rem, 2fr)",
    ...(namespaced ? ["minmax(7rem, 1fr)"] : []),
    "11rem",
    "minmax(10rem, 3fr)",
    "minmax(6rem, 1fr)",
    "8.5rem",
    "4.5rem",
  ].join(" ");
}
