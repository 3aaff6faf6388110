import { Section } from "@/components/ui/section";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ExternalSecretDetail } from "@/lib/views/detail";
import { KeyValues } from "./key-values";
import { ObjectLink } from "./object-link";

/** ExternalSecret specifics: store, target Secret and its keys (never values), refresh, remote references. */
export function ExternalSecretSection({ cluster, namespace, es }: { cluster: string; namespace: string | null; es: ExternalSecretDetail }) {
  const storeNs = es.store?.kind === "ClusterSecretStore" ? null : namespace;
  return (
    <>
      <Section title="Sync">
        <KeyValues
          items={[
            { label: "Store", value: es.store ? <ObjectLink cluster={cluster} kind={es.store.kind} namespace={storeNs} name={es.store.name} /> : "—" },
            { label: "Target Secret", value: <ObjectLink cluster={cluster} kind="Secret" resource="secrets" namespace={namespace} name={es.targetSecret} /> },
            { label: "Refresh policy", value: es.refreshPolicy || "—" },
            { label: "Refresh interval", value: es.refreshInterval || "—" },
            { label: "Last refresh", value: <TimeAgo iso={es.refreshTime} /> },
          ]}
        />
      </Section>
      <Section title="Keys in the Secret">
        {es.secretKeys === null ? (
          <p className="text-sm font-medium text-red-700 dark:text-red-300">The target Secret does not exist (or you may not see it).</p>
        ) : es.secretKeys.length ? (
          <ul className="flex flex-wrap gap-2" aria-label="Secret keys">
            {es.secretKeys.map((k) => (
              <li key={k} className="rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-900">
                {k}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">The Secret has no keys.</p>
        )}
        <p className="mt-1 text-xs text-slate-500">Only key names are shown; values never leave the server.</p>
      </Section>
      <Section title="Remote references">
        <SimpleTable
          caption="Remote references"
          rows={es.remoteRefs}
          rowKey={(r, i) => `${r.secretKey}/${i}`}
          empty={<p className="text-sm text-slate-500">No remote references.</p>}
          columns={[
            { header: "Secret key", className: "font-mono text-xs", cell: (r) => r.secretKey },
            { header: "Remote key", className: "font-mono text-xs break-all", cell: (r) => r.key },
            { header: "Property", className: "font-mono text-xs", cell: (r) => r.property ?? "—" },
          ]}
        />
      </Section>
    </>
  );
}
