"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/components/ui/api";
import type { ActionResponse } from "@/lib/actions/view";
import { actionKeys, postAction, type ActionInput } from "./action-queries";
import { actionLabel } from "./labels";
import { toast } from "./toast-store";

/** POST an action, toast the answer and refresh what depends on it. */
export function useRunAction(cluster: string, onStarted?: (r: ActionResponse) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => postAction(cluster, input),
    onSuccess: (r, input) => {
      const label = actionLabel(input.action, { withSource: input.withSource });
      if (r.deduplicated) toast("info", `${label} is already running`, `Showing the operation started by ${r.operation.user}.`);
      else toast("info", `${label} requested`, `${r.operation.target.kind} ${r.operation.target.name}: ${r.operation.message}`);
      void qc.invalidateQueries({ queryKey: actionKeys.all });
      onStarted?.(r);
    },
    onError: (err, input) => {
      toast("error", `${actionLabel(input.action, { withSource: input.withSource })} refused`, errorMessage(err));
      void qc.invalidateQueries({ queryKey: actionKeys.permissions(cluster, input) });
    },
  });
}
