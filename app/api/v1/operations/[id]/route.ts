// GET /api/v1/operations/{id} → { operation } (404 when unknown or its target is not visible to the user).
import { z } from "zod";
import { operationId } from "@/lib/actions/schemas";
import { findOperation } from "@/lib/actions/store";
import { ensureTrackingResumed } from "@/lib/actions/tracker";
import { toOperationView } from "@/lib/actions/view";
import { canSeeOperation } from "@/lib/actions/visibility";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ id: operationId }),
  handler: async ({ params, user }) => {
    void ensureTrackingResumed();
    const row = await findOperation(params.id);
    if (!row || !(await canSeeOperation(user, row))) throw new AppError("not_found", "Operation not found");
    return { operation: toOperationView(row) };
  },
});
