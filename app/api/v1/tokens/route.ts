// GET /api/v1/tokens — the caller's API tokens (never the secrets).
// POST /api/v1/tokens { name, expiresInDays? } → 201 { token, secret }: the secret is shown this once.
// Creating tokens needs a browser session (a leaked token cannot mint more); at most 25 active per user and
// 10 creations a minute. Allowed in read-only mode: tokens are credentials, not changes to clusters.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { countActiveTokens, createApiToken, listApiTokens, MAX_ACTIVE_TOKENS_PER_USER } from "@/lib/auth/api-tokens";
import { limiter } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const CREATIONS_PER_MINUTE = 10;

const body = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(64)
    .regex(/^[\p{L}\p{N} ._:/@()-]+$/u, "may contain letters, digits, spaces and . _ : / @ ( ) -"),
  /** Days until the token stops working (1–365); null or absent = no expiry. */
  expiresInDays: z.number().int().min(1).max(365).nullable().optional(),
});

export const GET = route({
  handler: async ({ user }) => ({ tokens: await listApiTokens(user.userId) }),
});

export const POST = route({
  body,
  mutation: true,
  allowReadOnly: true,
  maxBodyBytes: 2048,
  handler: async ({ body, user, requestId }) => {
    if (user.via !== "session") throw new AppError("forbidden", "API tokens can only be created from a signed-in browser session");
    const l = limiter("token-create", CREATIONS_PER_MINUTE, 60_000);
    const rate = await l.hit(`user:${user.userId}`);
    if (!rate.ok) throw new AppError("rate_limited", "Too many tokens created; try again later", { "retry-after": String(rate.retryAfter) });
    if ((await countActiveTokens(user.userId)) >= MAX_ACTIVE_TOKENS_PER_USER) {
      throw new AppError("conflict", `You already have ${MAX_ACTIVE_TOKENS_PER_USER} active tokens; revoke one first`);
    }
    const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
    const created = await createApiToken(user.userId, { name: body.name, expiresAt });
    await recordAudit({
      requestId,
      actor: user.name,
      actorSubject: user.subject,
      groups: user.groups,
      action: "token.create",
      name: created.token.name,
      outcome: "success",
      detail: { tokenId: created.token.id, prefix: created.token.prefix, expiresAt: created.token.expiresAt },
    });
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  },
});
