"use client";

// A POST to one of the release's checklist endpoints; on success every query of the release is refetched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/ui/api";
import { checklistKeys, releasePath, type ReleaseRef } from "./queries";

export function useChecklistAction<TBody, TResult = unknown>(ref: ReleaseRef, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TResult>(`${releasePath(ref)}${path}`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: checklistKeys.release(ref) }),
        qc.invalidateQueries({ queryKey: checklistKeys.list() }),
      ]),
  });
}
