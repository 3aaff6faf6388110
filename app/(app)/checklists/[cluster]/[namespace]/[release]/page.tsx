import { notFound } from "next/navigation";
import { ChecklistClient } from "@/components/checklist/checklist-client";
import { parseReleaseParams, type ReleaseParams } from "./release-params";

export async function generateMetadata({ params }: { params: ReleaseParams }) {
  const ref = await parseReleaseParams(params);
  return { title: ref ? `Checklist ${ref.namespace}/${ref.release}` : "Not found" };
}

export default async function ChecklistPage({ params }: { params: ReleaseParams }) {
  const ref = await parseReleaseParams(params);
  if (!ref) notFound();
  return <ChecklistClient releaseRef={ref} />;
}
