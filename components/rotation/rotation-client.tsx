"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { TimeAgo } from "@/components/ui/time-ago";
import { errorMessage } from "@/components/ui/api";
import type { RotationView } from "@/lib/rotation/view";
import { fetchRotation, rotationCommand, rotationKeys } from "./queries";
import { RotationPrompt } from "./rotation-prompt";
import { RotationStateBadge } from "./rotation-state-badge";
import { StepList } from "./step-list";
import { useRotation } from "./use-rotation";

function Facts({ r }: { r: RotationView }) {
  const t = r.target;
  return (
    <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Secret</dt>
      <dd>
        <Link className="font-mono text-blue-700 hover:underline dark:text-blue-300" href={`/clusters/${encodeURIComponent(t.cluster)}/secrets?namespace=${encodeURIComponent(t.namespace)}`}>
          {t.namespace}/{t.secret}
        </Link>{" "}
        key <span className="font-mono">{t.key}</span> on {t.cluster}
      </dd>
      <dt className="text-slate-500">Managed by</dt>
      <dd>{t.managedBy}</dd>
      <dt className="text-slate-500">New value</dt>
      <dd>{t.writes}</dd>
      <dt className="text-slate-500">Consumers</dt>
      <dd>{r.consumers.length ? r.consumers.map((c) => `${c.kind} ${c.name}`).join(", ") : "none"}</dd>
      <dt className="text-slate-500">Started</dt>
      <dd>
        by {r.createdBy}, <TimeAgo iso={r.createdAt} />
      </dd>
      {r.backup ? (
        <>
          <dt className="text-slate-500">Backup</dt>
          <dd>
            <span className="font-mono">{r.backup.secret}</span>
            {r.backup.deletedAt ? " (deleted)" : r.backup.expiresAt ? ` until ${r.backup.expiresAt.replace("T", " ").slice(0, 16)} UTC` : " (kept while the rotation runs)"}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Live({ initial }: { initial: RotationView }) {
  const { rotation: r, error, replace } = useRotation(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const run = async (command: "confirm" | "cancel" | "rollback") => {
    setBusy(command);
    setCommandError(null);
    try {
      replace(await rotationCommand(r.id, command));
    } catch (err) {
      setCommandError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div data-testid="rotation" data-state={r.state} data-rotation-id={r.id}>
      <PageHeader
        title={`${r.kindLabel} rotation`}
        description={<span aria-live="polite" data-testid="rotation-message">{r.message}</span>}
        actions={
          <>
            <RotationStateBadge state={r.state} />
            {r.actions.cancel ? (
              <Button variant="secondary" type="button" disabled={!!busy} onClick={() => run("cancel")}>
                {busy === "cancel" ? "Cancelling…" : "Cancel and roll back"}
              </Button>
            ) : null}
            {r.actions.rollback ? (
              <Button variant="danger" type="button" disabled={!!busy} onClick={() => run("rollback")}>
                {busy === "rollback" ? "Rolling back…" : "Roll back"}
              </Button>
            ) : null}
          </>
        }
      />
      {r.paused ? (
        <p className="mb-3 rounded border border-slate-300 bg-slate-50 p-2 text-sm dark:border-slate-700 dark:bg-slate-900" data-testid="rotation-paused" role="status">
          {r.paused}
        </p>
      ) : null}
      {commandError ? <ErrorState title="The request was refused" message={commandError} /> : null}
      {error ? <p className="mb-2 text-xs text-amber-800 dark:text-amber-300">{error}</p> : null}
      {r.pointOfNoReturn && r.state !== "succeeded" ? <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">Past the point of no return: this rotation can no longer be cancelled or rolled back.</p> : null}
      {r.prompt ? <RotationPrompt prompt={r.prompt} busy={busy === "confirm"} canAct={r.actions.confirm} onConfirm={() => run("confirm")} /> : null}
      <Facts r={r} />
      {r.warnings.length ? (
        <ul className="mb-4 list-disc rounded border border-amber-300 bg-amber-50 py-2 pl-6 pr-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <Section title="Steps">
        <StepList steps={r.steps} createdBy={r.createdBy} />
      </Section>
    </div>
  );
}

/** One rotation, live: steps, what it waits for, cancel / roll back. */
export function RotationClient({ id }: { id: string }) {
  const { data, error, isPending } = useQuery({ queryKey: rotationKeys.one(id), queryFn: () => fetchRotation(id), staleTime: Infinity });
  if (isPending) return <Loading label="Loading the rotation…" />;
  if (error) return <ErrorState message={errorMessage(error)} />;
  return <Live key={data.id} initial={data} />;
}
