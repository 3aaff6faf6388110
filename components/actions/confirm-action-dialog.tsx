"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ACTIONS, type ActionName } from "@/lib/actions/catalog";
import { Dialog } from "./dialog";
import { actionLabel } from "./labels";

const WARNINGS: Partial<Record<ActionName, string>> = {
  force: "helm-controller runs a new Helm upgrade even if nothing changed: a new release revision, and chart hooks (for Airflow: the database migration job) run again.",
  reset: "The failure counters are cleared and helm-controller retries the install/upgrade once more, with the remediation retries of the release.",
  restart: "Every pod is replaced, one after another, following the rollout strategy.",
  suspend: "Flux stops reconciling until someone resumes it; changes in Git are not applied meanwhile.",
};

export interface ConfirmProps {
  open: boolean;
  action: ActionName;
  /** "HelmRelease airflow/airflow", or a list for bulk actions. */
  targets: string[];
  recommended?: boolean;
  withSource?: boolean;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (reason?: string) => void;
}

/** Confirmation for force, reset, restart, suspend (asks the required reason) and bulk actions. */
export function ConfirmActionDialog({ open, action, targets, recommended, withSource, busy, onCancel, onConfirm }: ConfirmProps) {
  const [reason, setReason] = useState("");
  const label = actionLabel(action, { recommended, withSource });
  const needsReason = action === "suspend";
  const ready = !busy && (!needsReason || reason.trim().length > 0);
  const cancel = () => {
    setReason("");
    onCancel();
  };
  const confirm = () => {
    const r = reason.trim();
    setReason("");
    onConfirm(needsReason ? r : undefined);
  };
  return (
    <Dialog
      open={open}
      title={targets.length > 1 ? `${label} ${targets.length} objects?` : `${label}?`}
      onClose={cancel}
      footer={
        <>
          <Button variant="secondary" type="button" onClick={cancel}>
            Cancel
          </Button>
          <Button
            variant={action === "suspend" || action === "force" ? "danger" : "primary"}
            type="button"
            disabled={!ready}
            onClick={confirm}
          >
            {label}
          </Button>
        </>
      }
    >
      <p className="text-slate-700 dark:text-slate-300">{ACTIONS[action].description}</p>
      {WARNINGS[action] ? <p className="mt-2 text-amber-800 dark:text-amber-300">{WARNINGS[action]}</p> : null}
      <ul className="mt-3 max-h-40 list-disc overflow-auto pl-5 font-mono text-xs">
        {targets.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      {needsReason ? (
        <label className="mt-3 block">
          <span className="font-medium">Reason (required)</span>
          <textarea
            className="mt-1 block w-full rounded border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-950"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Why is reconciliation suspended? Recorded on the object and in the audit log."
            autoFocus
          />
        </label>
      ) : null}
    </Dialog>
  );
}
