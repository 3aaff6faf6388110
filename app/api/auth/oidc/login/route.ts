// GET /api/auth/oidc/login?next=/path — starts an OIDC sign-in: stores state, nonce and the PKCE verifier
// server-side, sets the browser-binding cookie and redirects to the provider. Limited per client address.
import { z } from "zod";
import { clientIp } from "@/lib/auth/authenticate";
import { oidcBindingCookieHeader } from "@/lib/auth/cookies";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { OidcError } from "@/lib/auth/oidc/errors";
import { beginSignIn } from "@/lib/auth/oidc/flow";
import { hitOidcLimit } from "@/lib/auth/oidc/limits";
import { LOGIN_STATE_TTL_MS } from "@/lib/auth/oidc/login-state";
import { safeReturnTo } from "@/lib/auth/return-to";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import { publicRoute } from "@/lib/http/route";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export const GET = publicRoute({
  query: z.object({ next: z.string().max(2048).optional() }),
  handler: async ({ req, query, requestId }) => {
    const config = oidcConfig();
    if (!config) throw new AppError("not_found", "Single sign-on is not configured");
    await hitOidcLimit("start", clientIp(req));
    try {
      const begun = await beginSignIn(config, safeReturnTo(query.next));
      return new Response(null, {
        status: 303,
        headers: {
          location: begun.authorizationUrl,
          "set-cookie": oidcBindingCookieHeader(begun.browserSecret, LOGIN_STATE_TTL_MS / 1000),
          "cache-control": "no-store",
        },
      });
    } catch (err) {
      if (!(err instanceof OidcError)) throw err;
      logger.warn({ requestId, code: err.code, detail: err.detail }, "oidc sign-in could not start");
      return Response.redirect(new URL(`/sign-in?error=${err.code}`, env().publicUrl.origin), 303);
    }
  },
});
