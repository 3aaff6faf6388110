import Link from "next/link";
import type { Evidence } from "@/lib/checklist/types";
import { detailHref } from "@/lib/views/detail";
import { RichText } from "./rich-text";

/** Evidence in words; an item about an object links to that object's page. */
export function EvidenceList({ cluster, evidence }: { cluster: string; evidence: Evidence[] }) {
  if (!evidence.length) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence</h4>
      <ul className="mt-1 space-y-0.5 text-sm" data-testid="item-evidence">
        {evidence.map((e, i) => (
          <li key={i} className="flex gap-1.5 break-words">
            <span aria-hidden className="text-slate-400">
              •
            </span>
            <span className="min-w-0">
              <RichText text={e.text} />
              {e.ref ? (
                <>
                  {" "}
                  <Link
                    href={detailHref(cluster, e.ref.resource, e.ref.namespace ?? null, e.ref.name)}
                    className="whitespace-nowrap text-blue-800 underline dark:text-blue-300"
                  >
                    open {e.ref.resource.replace(/s$/, "")}
                  </Link>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
