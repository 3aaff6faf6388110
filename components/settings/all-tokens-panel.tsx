"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { SimpleTable, type Column } from "@/components/ui/simple-table";
import { tokenStatus, type OwnedApiTokenItem } from "./token-types";

const KEY = ["api-tokens", "all"];

/** Admins: every user's active API tokens, with their owner; revoking one is audited and shown to its owner. */
export function AllTokensPanel() {
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ tokens: OwnedApiTokenItem[] }>("/api/v1/tokens?scope=all&active=true").then((r) => r.tokens),
  });
  const [error, setError] = useState<string | null>(null);

  async function revoke(t: OwnedApiTokenItem) {
    setError(null);
    try {
      await api(`/api/v1/tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" });
      await client.invalidateQueries({ queryKey: ["api-tokens"] });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const columns: Column<OwnedApiTokenItem>[] = [
    { header: "Owner", cell: (t) => <span title={t.owner.subject}>{t.owner.name}</span> },
    { header: "Name", cell: (t) => t.name },
    { header: "Token", cell: (t) => <code className="text-xs">{t.prefix}…</code> },
    { header: "Last used", cell: (t) => (t.lastUsedAt ? t.lastUsedAt.replace("T", " ").slice(0, 16) : "never") },
    { header: "Status", cell: (t) => tokenStatus(t) },
    {
      header: <span className="sr-only">Revoke</span>,
      cell: (t) => (
        <Button variant="danger" type="button" onClick={() => revoke(t)} aria-label={`Revoke ${t.owner.name}'s token ${t.name}`} className="!px-2 !py-1 text-xs">
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-3">
      {error ? <ErrorState title="Could not revoke the token" message={error} /> : null}
      {tokens.isError ? (
        <ErrorState title="Could not load the tokens" message={errorMessage(tokens.error)} />
      ) : (
        <SimpleTable
          caption="Active API tokens of every user"
          columns={columns}
          rows={tokens.data ?? []}
          rowKey={(t) => t.id}
          empty={<p className="text-sm text-slate-500">{tokens.isLoading ? "Loading…" : "No active API tokens."}</p>}
        />
      )}
    </div>
  );
}
