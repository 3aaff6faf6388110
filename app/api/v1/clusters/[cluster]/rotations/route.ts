// POST /api/v1/clusters/{cluster}/rotations { namespace, secret, kind, key?, options? } → 202 { rotation }.
// Admin role and the Kubernetes permissions the flow needs (as the user); the journal is stored before the answer
// and the worker drives it. An uploaded options.value goes only into the staged Secret in the cluster.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { clusterId } from "@/lib/http/schemas";
import { MAX_UPLOAD_BYTES, startRotationBody } from "@/lib/rotation/schemas";
import { startRotation } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const POST = route({
  params: z.object({ cluster: clusterId }),
  body: startRotationBody,
  mutation: true,
  maxBodyBytes: MAX_UPLOAD_BYTES + 8 * 1024,
  handler: async ({ params, body, user, requestId }) => {
    const rotation = await startRotation({ user, requestId, cluster: params.cluster }, body);
    return Response.json({ rotation }, { status: 202, headers: { "cache-control": "no-store" } });
  },
});
