import type { OperationState } from "@/lib/actions/types";
import { STATE_LABEL, STATE_STYLE } from "./labels";

export function OperationStateBadge({ state }: { state: OperationState }) {
  const spinning = state === "requested" || state === "acknowledged" || state === "reconciling";
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`} data-testid="operation-state">
      {spinning ? <span aria-hidden className="inline-block h-2 w-2 animate-spin rounded-full border border-current border-t-transparent" /> : null}
      {STATE_LABEL[state]}
    </span>
  );
}
