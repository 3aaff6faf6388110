"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { groupByPart, partHeading } from "./item-filters";
import { checklistQuery, releasePage, type ReleaseRef } from "./queries";
import { GateBadge, SignoffBadge, StatusBadge } from "./status-badge";

// Hides the app shell when printing (the shell belongs to the layout; this page only adds print rules).
const PRINT_CSS =
  "@media print { aside, [data-print-hide] { display: none !important; } main { max-width: none !important; padding: 0 !important; } body { background: white !important; } }";

/** A print-friendly checklist: every item with evidence, fixes, attestations and the sign-off; no controls. */
export function ChecklistPrint({ releaseRef }: { releaseRef: ReleaseRef }) {
  const { data, error, isPending } = useQuery(checklistQuery(releaseRef));
  if (isPending) return <Loading label="Evaluating…" />;
  if (error || !data) return <ErrorState title="Could not evaluate" message={errorMessage(error ?? "no data")} />;
  const r = data.release;
  const signed = data.signoff.review?.state === "approved" ? data.signoff.review : data.signoff.approved;
  return (
    <article
      className="mx-auto max-w-4xl text-slate-900 dark:text-slate-100 print:text-black"
      data-testid="checklist-print"
    >
      <style>{PRINT_CSS}</style>
      <div data-print-hide className="mb-4 flex gap-2">
        <Button type="button" onClick={() => window.print()}>
          Print
        </Button>
        <a href={releasePage(releaseRef)} className="self-center text-sm text-blue-800 underline dark:text-blue-300">
          Back to the checklist
        </a>
      </div>
      <h1 className="text-2xl font-semibold">
        Production Deployment Checklist — {r.namespace}/{r.name}
      </h1>
      <p className="mt-1 text-sm">
        Cluster {data.cluster} · chart airflow {r.chartVersion ?? "unknown"} · Airflow {r.airflowMajor} · evaluated{" "}
        {data.evaluatedAt}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <GateBadge gate={data.gate} /> score {data.score}/100 <SignoffBadge state={data.signoff.state} />
        {signed
          ? `signed by ${signed.decidedBy} on ${signed.decidedAt?.slice(0, 10)} (evidence ${signed.evidenceHash ?? "—"})`
          : ""}
      </p>
      {data.signoff.reasons.length ? (
        <p className="mt-1 text-sm">Stale because: {data.signoff.reasons.join("; ")}</p>
      ) : null}
      {groupByPart(data.items).map((g) => (
        <section key={g.part} className="mt-5 break-inside-avoid-page">
          <h2 className="border-b border-slate-300 pb-1 text-lg font-semibold">{partHeading(g)}</h2>
          <ul className="mt-2 space-y-2">
            {g.items.map((i) => (
              <li key={i.id} className="break-inside-avoid text-sm">
                <div className="flex items-start gap-2">
                  <StatusBadge status={i.status} />
                  <span>
                    <span className="font-medium">{i.title}</span>{" "}
                    <span className="text-xs text-slate-500">
                      ({i.id} v{i.version}; {i.blocking ? "blocking" : "advisory"})
                    </span>
                    <span className="block">{i.message}</span>
                  </span>
                </div>
                <ul className="ml-8 list-disc text-xs text-slate-700 dark:text-slate-300 print:text-black">
                  {i.evidence.map((e, n) => (
                    <li key={n}>{e.text}</li>
                  ))}
                  {i.attestation ? (
                    <li>
                      Attested ({i.attestation.state}) by {i.attestation.attestedBy} until{" "}
                      {i.attestation.expiresAt.slice(0, 10)}:{" "}
                      {Object.entries(i.attestation.fields)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(", ")}
                    </li>
                  ) : null}
                  {i.waiver ? (
                    <li>
                      Waiver ({i.waiver.state}): {i.waiver.reason}, until {i.waiver.expiresAt.slice(0, 10)}
                    </li>
                  ) : null}
                  {i.fix ? <li>Fix: {i.fix.text}</li> : null}
                </ul>
                {i.fix?.valuesSnippet ? (
                  <pre className="ml-8 mt-1 rounded border border-slate-300 p-1 font-mono text-xs">
                    {i.fix.valuesSnippet}
                  </pre>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
