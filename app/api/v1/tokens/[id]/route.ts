// DELETE /api/v1/tokens/{id} — revokes one of the caller's API tokens → 204 (404 when it is not theirs).
// Works with a session or with any of the user's tokens (a token may revoke itself), also in read-only mode.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({
  params: z.object({ id: z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "must be a token id") }),
  mutation: true,
  allowReadOnly: true,
  handler: async ({ params, user, requestId }) => {
    const revoked = await revokeApiToken(user.userId, params.id);
    if (!revoked) throw new AppError("not_found", "No such token");
    await recordAudit({
      requestId,
      actor: user.name,
      actorSubject: user.subject,
      groups: user.groups,
      action: "token.revoke",
      name: revoked.name,
      outcome: "success",
      detail: { tokenId: revoked.id, prefix: revoked.prefix, via: user.via },
    });
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
});
