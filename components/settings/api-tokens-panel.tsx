"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/error-state";
import { SimpleTable, type Column } from "@/components/ui/simple-table";
import { NewTokenForm } from "./new-token-form";
import { tokenStatus, type ApiTokenItem } from "./token-types";

const KEY = ["api-tokens"];

/** The signed-in user's API tokens: create (the secret is shown once), list, revoke. */
export function ApiTokensPanel() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => api<{ tokens: ApiTokenItem[] }>("/api/v1/tokens").then((r) => r.tokens) });
  const [fresh, setFresh] = useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function revoke(t: ApiTokenItem) {
    setError(null);
    try {
      await api(`/api/v1/tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" });
      await client.invalidateQueries({ queryKey: KEY });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const columns: Column<ApiTokenItem>[] = [
    { header: "Name", cell: (t) => t.name },
    { header: "Token", cell: (t) => <code className="text-xs">{t.prefix}…</code> },
    { header: "Created", cell: (t) => t.createdAt.slice(0, 10) },
    { header: "Last used", cell: (t) => (t.lastUsedAt ? t.lastUsedAt.replace("T", " ").slice(0, 16) : "never") },
    { header: "Status", cell: (t) => tokenStatus(t) },
    {
      header: <span className="sr-only">Revoke</span>,
      cell: (t) =>
        t.active ? (
          <Button variant="danger" type="button" onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`} className="!px-2 !py-1 text-xs">
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4">
      <NewTokenForm
        onCreated={(token, secret) => {
          setFresh({ name: token.name, secret });
          void client.invalidateQueries({ queryKey: KEY });
        }}
      />
      {fresh ? (
        <div role="status" data-testid="new-token" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">Token “{fresh.name}” created. Copy it now: it is not shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 text-xs dark:bg-slate-900">{fresh.secret}</code>
            <CopyButton text={fresh.secret} />
            <Button variant="ghost" type="button" onClick={() => setFresh(null)} className="text-xs">
              Done
            </Button>
          </div>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code>. It acts as you, with your role.
          </p>
        </div>
      ) : null}
      {error ? <ErrorState title="Could not revoke the token" message={error} /> : null}
      {tokens.isError ? (
        <ErrorState title="Could not load your tokens" message={errorMessage(tokens.error)} />
      ) : (
        <SimpleTable caption="Your API tokens" columns={columns} rows={tokens.data ?? []} rowKey={(t) => t.id} empty={<p className="text-sm text-slate-500">{tokens.isLoading ? "Loading…" : "No API tokens yet."}</p>} />
      )}
    </div>
  );
}
