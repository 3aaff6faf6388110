"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { ACTIONS, actionsFor, type ActionName } from "@/lib/actions/catalog";
import { permissionsQuery, postAction, targetLabel, type TargetRef } from "./action-queries";
import { BulkResults, type ItemOutcome } from "./bulk-results";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { actionLabel } from "./labels";
import { toast } from "./toast-store";
import { Toaster } from "./toaster";

const CONCURRENCY = 4;

/** Actions every selected item supports, in catalog order. */
function commonActions(items: TargetRef[]): ActionName[] {
  if (!items.length) return [];
  return actionsFor(items[0].resource).filter((a) => items.every((i) => ACTIONS[a].resources.includes(i.resource)));
}

async function fanOut<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The same action on several selected objects: choose an action they all support, confirm (suspend asks the
 * reason once for all), then one request per object — each item shows its own outcome and live progress.
 * Hidden for users who may not act (viewer role, read-only mode), judged from the first item's permissions.
 */
export function BulkActions({ cluster, items }: { cluster: string; items: TargetRef[] }) {
  const actions = commonActions(items);
  const probe = useQuery({ ...permissionsQuery(cluster, items[0] ?? { resource: "", name: "" }), enabled: items.length > 0 });
  const [action, setAction] = useState<ActionName | "">("");
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<ItemOutcome[]>([]);

  const perms = probe.data ? Object.values(probe.data.actions) : [];
  const hidden = perms.length > 0 && perms.every((p) => p?.code === "role" || p?.code === "read-only");
  if (!items.length || hidden || !actions.length) return null;
  const chosen = action || actions[0];

  const run = async (reason?: string) => {
    setConfirming(false);
    setRunning(true);
    const initial: ItemOutcome[] = items.map((t) => ({ target: t, label: targetLabel(t), status: "queued" }));
    setOutcomes(initial);
    const set = (i: number, o: Partial<ItemOutcome>) => setOutcomes((cur) => cur.map((x, j) => (j === i ? { ...x, ...o } : x)));
    let ok = 0;
    await fanOut(items, CONCURRENCY, async (t, i) => {
      set(i, { status: "sending" });
      try {
        const r = await postAction(cluster, { ...t, action: chosen, reason });
        ok += 1;
        set(i, { status: "accepted", operation: r.operation, deduplicated: r.deduplicated });
      } catch (err) {
        set(i, { status: "refused", error: errorMessage(err) });
      }
    });
    setRunning(false);
    const refused = items.length - ok;
    toast(refused ? "error" : "info", `${actionLabel(chosen)}: ${ok} of ${items.length} requested`, refused ? `${refused} refused — see the list for why.` : undefined);
  };

  return (
    <div className="flex flex-col gap-2" data-testid="bulk-actions">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>{items.length} selected</span>
        <label className="sr-only" htmlFor="bulk-action">
          Action
        </label>
        <select
          id="bulk-action"
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          value={chosen}
          onChange={(e) => setAction(e.target.value as ActionName)}
        >
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
        <Button type="button" disabled={running} onClick={() => setConfirming(true)}>
          {actionLabel(chosen)} {items.length}…
        </Button>
      </div>
      <BulkResults outcomes={outcomes} />
      <ConfirmActionDialog open={confirming} action={chosen} targets={items.map(targetLabel)} onCancel={() => setConfirming(false)} onConfirm={(reason) => void run(reason)} />
      <Toaster />
    </div>
  );
}
