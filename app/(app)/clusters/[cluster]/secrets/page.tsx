import { Suspense } from "react";
import { SecretsClient } from "@/components/rotation/secrets-client";
import { Loading } from "@/components/ui/loading";
import { decodeSegment } from "@/lib/queries/route-params";

type Params = Promise<{ cluster: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `Secrets · ${decodeSegment((await params).cluster)}` };
}

export default async function SecretsPage({ params }: { params: Params }) {
  const { cluster } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <SecretsClient cluster={decodeSegment(cluster)} />
    </Suspense>
  );
}
