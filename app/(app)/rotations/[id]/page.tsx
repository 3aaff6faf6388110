import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RotationClient } from "@/components/rotation/rotation-client";
import { Loading } from "@/components/ui/loading";
import { rotationId } from "@/lib/rotation/schemas";

export const metadata = { title: "Rotation" };

export default async function RotationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!rotationId.safeParse(id).success) notFound();
  return (
    <Suspense fallback={<Loading />}>
      <RotationClient id={id} />
    </Suspense>
  );
}
