// GET /api/v1/tokens — the caller's API tokens (never the secrets); `?scope=all` — every user's tokens with their
// owner (admins only; `&active=true` leaves out revoked and expired ones).
// POST /api/v1/tokens { name, expiresInDays? } → 201 { token, secret }: the secret is shown this once. Every token
// expires: expiresInDays is 1–365, default 30 (there is no "never").
// Creating tokens needs a browser session (a leaked token cannot mint more); at most 25 active per user and
// 10 creations a minute. Allowed in read-only mode: tokens are credentials, not changes to clusters.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import {
  countActiveTokens,
  createApiToken,
  listAllApiTokens,
  listApiTokens,
  MAX_ACTIVE_TOKENS_PER_USER,
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
} from "@/lib/auth/api-tokens";
import { limiter } from "@/lib/auth/rate-limit";
import { roleAtLeast } from "@/lib/auth/roles";
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
  /** Days until the token stops working: 1–365, default 30. Every token expires. */
  expiresInDays: z
    .number({ error: `must be a number of days, 1–${TOKEN_MAX_DAYS} (every token expires)` })
    .int()
    .min(1)
    .max(TOKEN_MAX_DAYS, `at most ${TOKEN_MAX_DAYS} days`)
    .default(TOKEN_DEFAULT_DAYS),
});

const listQuery = z.object({
  scope: z.enum(["mine", "all"]).default("mine"),
  active: z.enum(["true", "false"]).optional(),
});

export const GET = route({
  query: listQuery,
  handler: async ({ user, query }) => {
    if (query.scope === "mine") return { tokens: await listApiTokens(user.userId) };
    if (!roleAtLeast(user.role, "admin")) throw new AppError("forbidden", `Listing every user's tokens needs the admin role; you are ${user.role}`);
    return { tokens: await listAllApiTokens(query.active === "true") };
  },
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
    const created = await createApiToken(user.userId, { name: body.name, expiresInDays: body.expiresInDays });
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
