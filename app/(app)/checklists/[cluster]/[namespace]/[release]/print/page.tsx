import { notFound } from "next/navigation";
import { ChecklistPrint } from "@/components/checklist/checklist-print";
import { parseReleaseParams, type ReleaseParams } from "../release-params";

export async function generateMetadata({ params }: { params: ReleaseParams }) {
  const ref = await parseReleaseParams(params);
  return { title: ref ? `CHECKLIST ${ref.namespace}/${ref.release}` : "Not found" };
}

export default async function ChecklistPrintPage({ params }: { params: ReleaseParams }) {
  const ref = await parseReleaseParams(params);
  if (!ref) notFound();
  return <ChecklistPrint releaseRef={ref} />;
}
