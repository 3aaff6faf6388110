"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { NamespaceSelect } from "@/components/resources/namespace-select";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable, type Column } from "@/components/ui/simple-table";
import { errorMessage } from "@/components/ui/api";
import type { SecretInventoryItem } from "@/lib/rotation/inventory-view";
import { fetchInventory, rotationKeys } from "./queries";
import { RotateDialog } from "./rotate-dialog";
import { ConsumersCell, KeyChips, LastRotationCell, ManagerCell, PolicyCell } from "./secret-cells";

/** The Secrets of one cluster (per namespace): keys, manager, consumers, rotation state, and the Rotate button. */
export function SecretsClient({ cluster }: { cluster: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const namespace = params.get("namespace");
  const [rotating, setRotating] = useState<SecretInventoryItem | null>(null);
  const { data, error, isPending } = useQuery({
    queryKey: rotationKeys.inventory(cluster, namespace),
    queryFn: () => fetchInventory(cluster, namespace),
    refetchInterval: 10_000,
  });
  const setNamespace = (ns: string | null) => router.replace(ns ? `${path}?namespace=${encodeURIComponent(ns)}` : path);
  const columns: Column<SecretInventoryItem>[] = [
    {
      header: "Secret",
      cell: (s) => (
        <span className="flex flex-col">
          <span className="font-mono text-sm" data-testid="secret-name">
            {s.name}
          </span>
          <span className="text-xs text-slate-500">
            {s.namespace} · {s.type}
          </span>
        </span>
      ),
    },
    { header: "Keys", cell: (s) => <KeyChips keys={s.keys} /> },
    { header: "Managed by", cell: (s) => <ManagerCell item={s} cluster={cluster} /> },
    { header: "Consumers", cell: (s) => <ConsumersCell item={s} /> },
    { header: "Last rotation", cell: (s) => <LastRotationCell item={s} /> },
    { header: "Policy", cell: (s) => <PolicyCell item={s} /> },
    {
      header: <span className="sr-only">Actions</span>,
      cell: (s) => (
        <span className="flex flex-col items-start gap-1">
          <Button variant="secondary" type="button" disabled={!s.rotate.allowed || !!s.activeRotation} title={s.rotate.reason ?? (s.activeRotation ? "A rotation is in progress" : undefined)} onClick={() => setRotating(s)} aria-label={`Rotate ${s.name}`}>
            Rotate
          </Button>
          {!s.rotate.allowed && s.rotate.reason ? <span className="max-w-[14rem] text-xs text-slate-500">{s.rotate.reason}</span> : null}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Secrets"
        description="Type, keys (never values), who manages each Secret, who reads it, when it was last rotated and the attested rotation policy."
        actions={<NamespaceSelect cluster={cluster} value={namespace} seen={data?.namespaces ?? []} onChange={setNamespace} />}
      />
      {isPending ? <Loading label="Loading Secrets…" /> : null}
      {error ? <ErrorState message={errorMessage(error)} /> : null}
      {data ? (
        <SimpleTable
          caption={`Secrets in ${namespace ?? "all namespaces"}`}
          columns={columns}
          rows={data.items}
          rowKey={(s) => `${s.namespace}/${s.name}`}
          rowClassName={(s) => (s.overdue ? "bg-red-50/50 dark:bg-red-950/30" : "")}
          empty={<EmptyState title="No Secrets">None you may list{namespace ? ` in namespace ${namespace}` : ""}.</EmptyState>}
        />
      ) : null}
      {rotating ? <RotateDialog cluster={cluster} item={rotating} onClose={() => setRotating(null)} /> : null}
    </>
  );
}
