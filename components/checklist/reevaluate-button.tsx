"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/api";
import type { ChecklistView } from "@/lib/checklist-service/api-types";
import type { ReleaseRef } from "./queries";
import { useChecklistAction } from "./use-checklist-action";

/** "Re-evaluate now": evaluates on the server, always stores a run, and says what happened. */
export function ReevaluateButton({ releaseRef }: { releaseRef: ReleaseRef }) {
  const action = useChecklistAction<Record<string, never>, ChecklistView & { stored: boolean }>(
    releaseRef,
    "/evaluate",
  );
  const [note, setNote] = useState("");
  return (
    <span className="inline-flex items-center gap-2">
      <span
        role="status"
        aria-live="polite"
        className="text-xs text-slate-600 dark:text-slate-400"
        data-testid="reevaluate-status"
      >
        {action.isPending ? "Evaluating…" : action.error ? "" : note}
      </span>
      {action.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </span>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        disabled={action.isPending}
        onClick={() =>
          action.mutate(
            {},
            {
              onSuccess: (r) =>
                setNote(
                  `Evaluated at ${new Date(r.evaluatedAt).toLocaleTimeString()}: gate ${r.gate}, score ${r.score}`,
                ),
            },
          )
        }
      >
        {action.isPending ? (
          <span
            aria-hidden
            className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
          />
        ) : null}
        Re-evaluate now
      </Button>
    </span>
  );
}
