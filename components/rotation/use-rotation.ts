"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { errorMessage } from "@/components/ui/api";
import { isTerminalRotation } from "@/lib/rotation/kinds";
import type { RotationView } from "@/lib/rotation/view";
import { fetchRotation, rotationKeys } from "./queries";

/**
 * The live state of one rotation: Server-Sent Events from /api/v1/rotations/{id}/events while it runs; after a
 * stream error it polls the rotation every 2 s until the stream is back or the rotation is finished. `replace`
 * takes a newer state from a command's answer (confirm, cancel, roll back) and restarts the stream.
 */
export function useRotation(initial: RotationView): { rotation: RotationView; error: string | null; replace: (r: RotationView) => void } {
  const [rotation, setRotation] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const id = initial.id;
  const finished = isTerminalRotation(rotation.state);

  useEffect(() => {
    if (finished) return;
    let closed = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const update = (next: RotationView) => {
      setRotation(next);
      qc.setQueryData(rotationKeys.one(id), next);
      if (isTerminalRotation(next.state)) {
        source.close();
        if (poll) clearInterval(poll);
        void qc.invalidateQueries({ queryKey: rotationKeys.all });
      }
    };
    const source = new EventSource(`/api/v1/rotations/${encodeURIComponent(id)}/events`);
    source.addEventListener("rotation", (e) => {
      setError(null);
      update(JSON.parse((e as MessageEvent<string>).data) as RotationView);
    });
    source.addEventListener("end", () => source.close());
    source.onerror = () => {
      if (closed || poll) return;
      poll = setInterval(() => {
        fetchRotation(id)
          .then((r) => {
            setError(null);
            update(r);
          })
          .catch((err: unknown) => setError(`Live progress interrupted: ${errorMessage(err)}`));
      }, 2_000);
    };
    return () => {
      closed = true;
      source.close();
      if (poll) clearInterval(poll);
    };
    // `generation` restarts the stream after a command; `finished` stops it.
  }, [id, finished, generation, qc]);

  const replace = (r: RotationView) => {
    setRotation(r);
    setGeneration((g) => g + 1);
  };
  return { rotation, error, replace };
}
