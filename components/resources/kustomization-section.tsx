import { Section } from "@/components/ui/section";
import { shortRevision } from "@/lib/health/getters";
import type { KustomizationDetail } from "@/lib/views/detail";
import { InventoryList } from "./inventory-list";
import { KeyValues } from "./key-values";

const rev = (r: string | null) => (r ? <span className="font-mono text-xs" title={r}>{shortRevision(r)}</span> : "—");

/** Kustomization specifics: applied vs attempted revision (flagged when they differ) and the inventory. */
export function KustomizationSection({ cluster, ks }: { cluster: string; ks: KustomizationDetail }) {
  const differs = !!ks.lastAttemptedRevision && ks.lastAttemptedRevision !== ks.lastAppliedRevision;
  return (
    <>
      <Section title="Revisions">
        {differs ? (
          <p role="note" className="mb-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            The newest revision has not been applied: the cluster still runs the last applied revision.
          </p>
        ) : null}
        <KeyValues
          items={[
            { label: "Last applied", value: rev(ks.lastAppliedRevision) },
            {
              label: "Last attempted",
              value: <span className={differs ? "font-semibold text-amber-800 dark:text-amber-300" : ""}>{rev(ks.lastAttemptedRevision)}</span>,
            },
          ]}
        />
      </Section>
      <Section title={`Inventory (${ks.inventory.length})`}>
        <InventoryList cluster={cluster} entries={ks.inventory} />
      </Section>
    </>
  );
}
