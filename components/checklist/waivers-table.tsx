import type { ChecklistView } from "@/lib/checklist-service/api-types";
import { WaiverInfo } from "./human-input-info";
import type { ReleaseRef } from "./queries";

/** Every waiver of the release grouped by item (pending ones first), for approvers. */
export function WaiversTab({ data, releaseRef }: { data: ChecklistView; releaseRef: ReleaseRef }) {
  if (!data.waivers.length) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No waivers. Request one from a failing item; another person with the approve permission must approve it, and it
        always expires (at most {data.maxWaiverDays} days).
      </p>
    );
  }
  const titles = new Map(data.items.map((i) => [i.id, i.title]));
  const ids = [
    ...new Set(
      [...data.waivers]
        .sort((a, b) => Number(b.effect === "unapproved") - Number(a.effect === "unapproved"))
        .map((w) => w.checkId),
    ),
  ];
  return (
    <div className="space-y-4">
      {ids.map((id) => (
        <section key={id} aria-label={titles.get(id) ?? id}>
          <h3 className="mb-1 text-sm font-semibold">
            {titles.get(id) ?? id} <span className="font-mono text-xs font-normal text-slate-500">{id}</span>
          </h3>
          <WaiverInfo
            releaseRef={releaseRef}
            waivers={data.waivers.filter((w) => w.checkId === id)}
            permissions={data.permissions}
          />
        </section>
      ))}
    </div>
  );
}
