import { Suspense } from "react";
import { OperationsList } from "@/components/actions/operations-list";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Operations" };

export default function OperationsPage() {
  return (
    <>
      <PageHeader title="Operations" description="Reconciles, suspends, restarts and force-syncs, with their live progress." />
      <Suspense fallback={<Loading />}>
        <OperationsList />
      </Suspense>
    </>
  );
}
