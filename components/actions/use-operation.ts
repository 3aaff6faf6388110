"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, errorMessage } from "@/components/ui/api";
import { isTerminal } from "@/lib/actions/types";
import type { OperationView } from "@/lib/actions/view";
import { actionKeys } from "./action-queries";

/**
 * The live state of one operation: Server-Sent Events from /api/v1/operations/{id}/events while it runs (the
 * browser reconnects on its own; after an error we fetch the operation once to stay correct). `onFinish` runs
 * once when the operation reaches a final state while this component watches it.
 */
export function useOperation(initial: OperationView, onFinish?: (op: OperationView) => void): { op: OperationView; error: string | null } {
  const [op, setOp] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const id = initial.id;
  const startedTerminal = isTerminal(initial.state);

  useEffect(() => {
    if (startedTerminal) return;
    let finished = false;
    const update = (next: OperationView) => {
      setOp((cur) => (cur.updatedAt > next.updatedAt && !isTerminal(next.state) ? cur : next));
      qc.setQueryData(actionKeys.operation(id), next);
      if (isTerminal(next.state) && !finished) {
        finished = true;
        source.close();
        onFinish?.(next);
        void qc.invalidateQueries({ queryKey: actionKeys.all });
      }
    };
    const source = new EventSource(`/api/v1/operations/${encodeURIComponent(id)}/events`);
    source.addEventListener("operation", (e) => update(JSON.parse((e as MessageEvent<string>).data) as OperationView));
    source.addEventListener("end", () => source.close());
    source.onerror = () => {
      if (finished) return;
      api<{ operation: OperationView }>(`/api/v1/operations/${encodeURIComponent(id)}`)
        .then((r) => {
          setError(null);
          update(r.operation);
        })
        .catch((err: unknown) => {
          source.close();
          setError(`Live progress stopped: ${errorMessage(err)}. Reload to see the latest state.`);
        });
    };
    return () => source.close();
    // onFinish is read once per stream on purpose; the stream restarts only for another operation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, startedTerminal, qc]);

  return { op, error };
}
