// Item grouping and filtering for the checklist page (pure).
import type { ChecklistItemView } from "@/lib/checklist-service/api-types";
import { PART_ORDER, type ItemStatus, type Part } from "@/lib/checklist/types";
import { NEEDS_ACTION } from "./status-colors";

/** Statuses that satisfy a blocking item (mirrors lib/checklist GATE_OK, without importing server code). */
export const GATE_OK_STATUSES: ReadonlySet<ItemStatus> = new Set<ItemStatus>([
  "pass",
  "attested",
  "waived",
  "not-applicable",
]);

export type ItemFilter = "all" | "action" | "done";

export const FILTER_LABEL: Record<ItemFilter, string> = { all: "All", action: "Needs action", done: "Done" };

export function matchesFilter(item: ChecklistItemView, filter: ItemFilter): boolean {
  if (filter === "action") return NEEDS_ACTION.has(item.status);
  if (filter === "done") return !NEEDS_ACTION.has(item.status);
  return true;
}

export interface PartGroupView {
  part: Part;
  title: string;
  items: ChecklistItemView[];
}

/** Items grouped by part in display order (pre-deployment first, post-deployment last). */
export function groupByPart(items: ChecklistItemView[]): PartGroupView[] {
  return PART_ORDER.map((part) => {
    const inPart = items.filter((i) => i.part === part);
    return { part, title: inPart[0]?.partTitle ?? part, items: inPart };
  }).filter((g) => g.items.length > 0);
}

/** "Part 6 — High availability", "Pre-deployment". */
export function partHeading(g: { part: Part; title: string }): string {
  return g.part === "pre" || g.part === "post" ? g.title : `Part ${g.part} — ${g.title}`;
}
