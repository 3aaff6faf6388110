"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, errorMessage } from "@/components/ui/api";
import { ErrorState } from "@/components/ui/error-state";
import { TimeAgo } from "@/components/ui/time-ago";
import { ACTIONS, ACTION_NAMES, type ActionName } from "@/lib/actions/catalog";
import type { ActionPermission, OperationView, PermissionsView } from "@/lib/actions/view";
import { isActive, permissionsQuery, targetLabel, targetOperationsQuery, type TargetRef } from "./action-queries";
import { ActionButton } from "./action-button";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { actionLabel } from "./labels";
import { OperationProgress } from "./operation-progress";
import { toast } from "./toast-store";
import { Toaster } from "./toaster";
import { useRunAction } from "./use-run-action";

const RECENT_MS = 10 * 60_000;
const WITH_SOURCE = new Set(["kustomizations", "helmreleases"]);

interface Pending {
  action: ActionName;
  withSource: boolean;
}

interface ButtonSpec extends Pending {
  perm: ActionPermission;
}

function SuspendNote({ info }: { info: NonNullable<PermissionsView["suspend"]> }) {
  if (!info.suspended) return null;
  return (
    <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="suspend-info">
      Suspended{info.by ? <> by <strong>{info.by}</strong></> : null}
      {info.at ? <> <TimeAgo iso={info.at} /></> : null}
      {info.reason ? <>: {info.reason}</> : null}
    </p>
  );
}

function buttonsOf(resource: string, perms: PermissionsView): ButtonSpec[] {
  const out: ButtonSpec[] = [];
  for (const action of ACTION_NAMES) {
    const perm = perms.actions[action];
    // App role and read-only mode hide the controls; state and RBAC disable them with the reason.
    if (!perm || perm.code === "role" || perm.code === "read-only") continue;
    out.push({ action, withSource: false, perm });
    if (action === "reconcile" && WITH_SOURCE.has(resource)) out.push({ action, withSource: true, perm });
  }
  return out;
}

function shownOperations(recent: OperationView[], started: OperationView[]): OperationView[] {
  const byId = new Map<string, OperationView>();
  for (const op of [...started, ...recent]) if (!byId.has(op.id)) byId.set(op.id, op);
  const now = Date.now();
  return [...byId.values()]
    .filter((op) => isActive(op) || (op.finishedAt && now - Date.parse(op.finishedAt) < RECENT_MS))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, 3);
}

function finishToast(op: OperationView): void {
  const label = actionLabel(op.action, { withSource: op.withSource });
  if (op.state === "succeeded") toast("success", `${label} succeeded`, op.message);
  else toast("error", `${label} ${op.state === "timed-out" ? "timed out" : "failed"}`, op.message);
}

/**
 * Action buttons for one object (detail pages, list rows): shown only to users who may act, disabled with the
 * reason when RBAC or the object's state forbids them, confirmation where the action is disruptive, and the live
 * progress of operations on the object (also after a reload: running operations come from the server).
 */
export function ResourceActions({ cluster, resource, namespace, name }: { cluster: string; resource: string; namespace?: string | null; name: string }) {
  const target: TargetRef = { resource, namespace: namespace ?? null, name };
  const perms = useQuery(permissionsQuery(cluster, target));
  const recent = useQuery(targetOperationsQuery(cluster, target));
  const [pending, setPending] = useState<Pending | null>(null);
  const [started, setStarted] = useState<OperationView[]>([]);
  const [mine, setMine] = useState<Set<string>>(new Set());
  const run = useRunAction(cluster, (r) => {
    setStarted((s) => [r.operation, ...s.filter((o) => o.id !== r.operation.id)]);
    setMine((m) => new Set(m).add(r.operation.id));
  });

  if (perms.isPending) return null;
  if (perms.isError) {
    // 404: the object is gone or not visible to this user — there is nothing to act on.
    if (perms.error instanceof ApiError && perms.error.status === 404) return null;
    return <ErrorState title="Could not load the available actions" message={errorMessage(perms.error)} />;
  }
  const buttons = buttonsOf(resource, perms.data);
  const ops = shownOperations(recent.data?.operations ?? [], started);
  const send = (p: Pending, reason?: string) => {
    setPending(null);
    run.mutate({ ...target, action: p.action, withSource: p.withSource || undefined, reason });
  };
  const click = (b: ButtonSpec) => (ACTIONS[b.action].confirm ? setPending({ action: b.action, withSource: b.withSource }) : send(b));

  return (
    <div className="flex flex-col gap-2" data-testid="resource-actions">
      {perms.data.suspend ? <SuspendNote info={perms.data.suspend} /> : null}
      {buttons.length ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Actions">
          {buttons.map((b) => (
            <ActionButton
              key={`${b.action}${b.withSource ? "+source" : ""}`}
              label={actionLabel(b.action, { recommended: b.perm.recommended, withSource: b.withSource })}
              primary={b.perm.recommended}
              disabledReason={b.perm.allowed ? undefined : b.perm.reason}
              busy={run.isPending}
              onClick={() => click(b)}
            />
          ))}
        </div>
      ) : null}
      {ops.map((op) => (
        <OperationProgress key={op.id} operation={op} onFinish={mine.has(op.id) ? finishToast : undefined} />
      ))}
      {pending ? (
        <ConfirmActionDialog
          open
          action={pending.action}
          withSource={pending.withSource}
          recommended={perms.data.actions[pending.action]?.recommended}
          targets={[targetLabel(target)]}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => send(pending, reason)}
        />
      ) : null}
      <Toaster />
    </div>
  );
}
