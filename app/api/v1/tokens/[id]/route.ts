// DELETE /api/v1/tokens/{id} — revokes an API token → 204: one of the caller's own (404 when it is not theirs), or,
// for admins, anyone's (the audit row names the owner, who sees it in their token list and audit rows).
// Works with a session or with any of the user's tokens (a token may revoke itself), also in read-only mode.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({
  params: z.object({ id: z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "must be a token id") }),
  mutation: true,
  allowReadOnly: true,
  handler: async ({ params, user, requestId }) => {
    const revoked = await revokeApiToken(params.id, { userId: user.userId, name: user.name, anyUser: roleAtLeast(user.role, "admin") });
    if (!revoked) throw new AppError("not_found", "No such token");
    await recordAudit({
      requestId,
      actor: user.name,
      actorSubject: user.subject,
      groups: user.groups,
      action: "token.revoke",
      name: revoked.token.name,
      outcome: "success",
      detail: {
        tokenId: revoked.token.id,
        prefix: revoked.token.prefix,
        via: user.via,
        owner: revoked.owner.name,
        ownerSubject: revoked.owner.subject,
        ...(revoked.owner.id !== user.userId ? { byAdmin: true } : {}),
      },
    });
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
});
