"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/api";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ChecklistItemView, ChecklistPermissions, WaiverView } from "@/lib/checklist-service/api-types";
import type { ReleaseRef } from "./queries";
import { useChecklistAction } from "./use-checklist-action";

function day(iso: string): string {
  return iso.slice(0, 10);
}

function SafeLink({ href }: { href: string }) {
  // Only http(s) links are rendered as links (S17); anything else is shown as text.
  if (!/^https?:\/\//i.test(href)) return <span className="break-all">{href}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="break-all text-blue-800 underline dark:text-blue-300"
    >
      {href}
    </a>
  );
}

/** The attestation that applies to an item: who, when, until when, what they stated. */
export function AttestationInfo({ item }: { item: ChecklistItemView }) {
  const a = item.attestation;
  if (!a) return null;
  const labels = new Map((item.attestationFields ?? []).map((f) => [f.id, f.label]));
  return (
    <div className="rounded border border-teal-200 p-2 text-sm dark:border-teal-900" data-testid="item-attestation">
      <p>
        <span className="font-medium">Attestation ({a.state})</span> by {a.attestedBy} on {day(a.attestedAt)}, valid
        until {day(a.expiresAt)}
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {Object.entries(a.fields).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{labels.get(k) ?? k}</dt>
            <dd>{v === "true" ? "Yes" : v === "false" ? "No" : v}</dd>
          </div>
        ))}
      </dl>
      {a.links?.length ? (
        <ul className="mt-1 text-xs">
          {a.links.map((l) => (
            <li key={l}>
              <SafeLink href={l} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ApproveWaiverButton({ releaseRef, waiver }: { releaseRef: ReleaseRef; waiver: WaiverView }) {
  const action = useChecklistAction<{ comment?: string }>(
    releaseRef,
    `/waivers/${encodeURIComponent(waiver.id)}/approve`,
  );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        className="!py-0.5 text-xs"
        disabled={action.isPending}
        onClick={() => action.mutate({})}
      >
        {action.isPending ? "Approving…" : "Approve waiver"}
      </Button>
      {action.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </span>
      ) : null}
    </span>
  );
}

/** The waivers on record for an item (pending ones can be approved by someone else with the permission). */
export function WaiverInfo({
  releaseRef,
  waivers,
  permissions,
}: {
  releaseRef: ReleaseRef;
  waivers: WaiverView[];
  permissions: ChecklistPermissions;
}) {
  if (!waivers.length) return null;
  return (
    <ul className="space-y-1" data-testid="item-waivers">
      {waivers.map((w) => (
        <li
          key={w.id}
          className="rounded border border-violet-200 p-2 text-sm dark:border-violet-900"
          data-waiver-state={w.effect}
        >
          <p>
            <span className="font-medium">
              Waiver ({w.effect === "unapproved" ? "waiting for approval" : w.effect})
            </span>
            : {w.reason}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Requested by {w.requestedBy} <TimeAgo iso={w.createdAt} />
            {w.approvedBy ? `, approved by ${w.approvedBy}` : ""} · expires {day(w.expiresAt)}
            {w.ticketUrl ? (
              <>
                {" · "}
                <SafeLink href={w.ticketUrl} />
              </>
            ) : null}
          </p>
          {w.state === "requested" && w.effect === "unapproved" ? (
            <div className="mt-1">
              {permissions.approve && w.requestedBy !== permissions.self ? (
                <ApproveWaiverButton releaseRef={releaseRef} waiver={w} />
              ) : (
                <span className="text-xs text-slate-500">
                  {w.requestedBy === permissions.self
                    ? "Another approver must approve your request."
                    : "An admin or approver must approve it."}
                </span>
              )}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
