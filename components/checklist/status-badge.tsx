import type { SignoffStateName } from "@/lib/checklist-service/api-types";
import type { ItemStatus } from "@/lib/checklist/types";
import { SIGNOFF_CLASSES, SIGNOFF_WORD, STATUS_CLASSES, STATUS_DOT, STATUS_WORD } from "./status-colors";

/** An item status in colour and words. */
export function StatusBadge({ status }: { status: ItemStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[status]}`}
    >
      <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${STATUS_DOT[status]}`} />
      {STATUS_WORD[status]}
    </span>
  );
}

/** A sign-off state in colour and words. */
export function SignoffBadge({ state }: { state: SignoffStateName }) {
  return (
    <span
      data-testid="signoff-state"
      data-state={state}
      className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${SIGNOFF_CLASSES[state]}`}
    >
      {state === "stale" ? "⚠ " : ""}
      {SIGNOFF_WORD[state]}
    </span>
  );
}

/** The gate in colour and words. */
export function GateBadge({ gate }: { gate: "pass" | "fail" }) {
  const cls = gate === "pass" ? STATUS_CLASSES.pass : STATUS_CLASSES.fail;
  return (
    <span
      data-testid="gate-badge"
      data-gate={gate}
      className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold uppercase ${cls}`}
    >
      gate {gate}
    </span>
  );
}
