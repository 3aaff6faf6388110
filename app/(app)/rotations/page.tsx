import { Suspense } from "react";
import { RotationsList } from "@/components/rotation/rotations-list";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Rotations" };

export default function RotationsPage() {
  return (
    <>
      <PageHeader title="Rotations" description="Secret rotations with their journal: live while they run, rollback while the backup is kept." />
      <Suspense fallback={<Loading />}>
        <RotationsList />
      </Suspense>
    </>
  );
}
