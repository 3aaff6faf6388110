// Server-Sent Events of checklist re-evaluations (`event: checklist`), filtered to the releases the user may see
// and optionally to one namespace/release. Heartbeat every 15 s; ends when the session ends (checked every 30 s).
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { sseResponse } from "@/lib/http/sse";
import { canSeeReleases } from "./access";
import type { ChecklistStreamEvent } from "./api-types";
import { subscribeEvaluations } from "./feed";
import { checklistMonitor } from "./monitor";

export interface StreamFilter {
  cluster: string;
  namespace?: string;
  release?: string;
}

export function checklistStream(req: Request, user: Principal, filter: StreamFilter): Response {
  const cache = requireCluster(filter.cluster);
  checklistMonitor(cache);
  const matches = (e: ChecklistStreamEvent) =>
    e.cluster === filter.cluster &&
    (!filter.namespace || e.namespace === filter.namespace) &&
    (!filter.release || e.release === filter.release);
  return sseResponse(req, user, (ch) => {
    ch.send("hello", { cluster: filter.cluster });
    ch.onClose(
      subscribeEvaluations((e) => {
        if (!matches(e)) return;
        canSeeReleases(e.cluster, user, e.namespace).then(
          (ok) => {
            if (ok) ch.send("checklist", e);
          },
          () => undefined, // the permission check failed: this update is not sent; the next one asks again
        );
      }),
    );
  });
}
