"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ChecklistItemView, ChecklistView } from "@/lib/checklist-service/api-types";
import { AttestationForm } from "./attestation-form";
import { EvidenceList } from "./evidence-list";
import { FixHint } from "./fix-hint";
import { AttestationInfo, WaiverInfo } from "./human-input-info";
import type { ReleaseRef } from "./queries";
import { StatusBadge } from "./status-badge";
import { RichText } from "./rich-text";
import { NEEDS_ACTION } from "./status-colors";
import { WaiverForm } from "./waiver-form";

type Mode = "none" | "attest" | "waive";

function canAttest(item: ChecklistItemView): boolean {
  if (item.mode === "auto" || item.autoStatus === "not-applicable") return false;
  return item.mode === "attested" || item.autoStatus === "pass";
}

/** One checklist item: status, title and message; expands to why, evidence, fix, attestation and waivers. */
export function ItemCard({
  data,
  item,
  releaseRef,
}: {
  data: ChecklistView;
  item: ChecklistItemView;
  releaseRef: ReleaseRef;
}) {
  const [open, setOpen] = useState(item.blocking && (item.status === "fail" || item.status === "expired"));
  const [mode, setMode] = useState<Mode>("none");
  const waivers = data.waivers.filter((w) => w.checkId === item.id);
  const pendingWaiver = waivers.some((w) => w.effect === "unapproved");
  const p = data.permissions;
  const bodyId = `item-${item.id}-body`;

  return (
    <li
      data-testid="checklist-item"
      data-item-id={item.id}
      data-status={item.status}
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-start gap-3 px-3 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span className="mt-0.5 w-36 shrink-0">
          <StatusBadge status={item.status} />
        </span>
        <span className="min-w-0 flex-1">
          <span className="font-medium">
            <RichText text={item.title} />
          </span>
          <span className="ml-2 inline-flex flex-wrap gap-1 align-middle text-[11px] uppercase tracking-wide text-slate-500">
            {item.blocking ? (
              <span className="rounded border border-slate-300 px-1 dark:border-slate-600">blocking</span>
            ) : (
              <span>advisory</span>
            )}
            {item.mode !== "auto" ? (
              <span className="rounded border border-sky-300 px-1 text-sky-800 dark:border-sky-800 dark:text-sky-300">
                {item.mode}
              </span>
            ) : null}
          </span>
          <span
            className={`block text-sm text-slate-600 dark:text-slate-400 ${open ? "" : "truncate"}`}
            data-testid="item-message"
          >
            <RichText text={item.message} />
          </span>
        </span>
        <span aria-hidden className="mt-0.5 text-slate-400">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open ? (
        <div
          id={bodyId}
          className="space-y-3 border-t border-slate-100 px-3 py-3 dark:border-slate-800 sm:pl-[10.5rem]"
        >
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <span className="font-medium">Why: </span>
            {item.why}
            <span className="ml-2 font-mono text-xs text-slate-500">
              {item.id} v{item.version} · {item.severity}
            </span>
          </p>
          <EvidenceList cluster={data.cluster} evidence={item.evidence} />
          {item.fix ? <FixHint fix={item.fix} /> : null}
          <AttestationInfo item={item} />
          <WaiverInfo releaseRef={releaseRef} waivers={waivers} permissions={p} />
          {mode === "attest" ? (
            <AttestationForm releaseRef={releaseRef} item={item} onDone={() => setMode("none")} />
          ) : null}
          {mode === "waive" ? (
            <WaiverForm
              releaseRef={releaseRef}
              item={item}
              maxDays={data.maxWaiverDays}
              onDone={() => setMode("none")}
            />
          ) : null}
          {mode === "none" ? (
            <div className="flex flex-wrap gap-2">
              {p.attest && canAttest(item) ? (
                <Button type="button" variant="secondary" onClick={() => setMode("attest")}>
                  {item.attestation ? "Re-attest" : "Attest"}
                </Button>
              ) : null}
              {p.attest &&
              item.mode === "hybrid" &&
              item.autoStatus !== "pass" &&
              item.autoStatus !== "not-applicable" ? (
                <span className="self-center text-xs text-slate-500">
                  Fix the automatic pre-check first, then attest.
                </span>
              ) : null}
              {p.requestWaiver && NEEDS_ACTION.has(item.status) && !pendingWaiver ? (
                <Button type="button" variant="ghost" onClick={() => setMode("waive")}>
                  Request waiver
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
