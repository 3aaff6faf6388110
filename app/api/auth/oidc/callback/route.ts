// GET /api/auth/oidc/callback?code=&state= — finishes an OIDC sign-in: the state is consumed once and must belong
// to this browser, the code is exchanged with the PKCE verifier, the ID token is verified (signature, iss, aud,
// exp, iat, nonce), groups map to a role. Success → session cookie and a page that continues to the return path.
// Any failure → audit row, redirect to /sign-in?error=<code> (never the details). Limited per client address.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "@/lib/auth/authenticate";
import { oidcBindingCookieHeader, oidcBindingCookieName, readCookie, sessionCookieHeader } from "@/lib/auth/cookies";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { OidcError } from "@/lib/auth/oidc/errors";
import { completeSignIn } from "@/lib/auth/oidc/flow";
import { landingPage } from "@/lib/auth/oidc/landing-page";
import { hitOidcLimit } from "@/lib/auth/oidc/limits";
import { consumeLoginState } from "@/lib/auth/oidc/login-state";
import { createSession } from "@/lib/auth/sessions";
import { upsertUser } from "@/lib/auth/users";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import { publicRoute } from "@/lib/http/route";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const query = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(256).optional(),
  error: z.string().max(256).optional(),
  iss: z.string().max(2048).optional(),
});

async function signIn(req: Request, q: z.infer<typeof query>, requestId: string): Promise<Response> {
  const config = oidcConfig();
  if (!config) throw new AppError("not_found", "Single sign-on is not configured");
  const ip = clientIp(req);
  await hitOidcLimit("callback", ip);
  const browserSecret = readCookie(req.headers.get("cookie"), oidcBindingCookieName());
  const clearBinding = oidcBindingCookieHeader("", 0);
  try {
    // RFC 9207: when the provider names itself, it must be ours (mix-up defence).
    if (q.iss !== undefined && q.iss !== config.issuer) throw new OidcError("provider_error", "iss parameter is not the configured issuer");
    if (q.error !== undefined || !q.code) {
      if (q.state) await consumeLoginState(q.state, browserSecret); // spend it either way
      const providerError = (q.error ?? "no code").replace(/[^a-z0-9_ -]/gi, "").slice(0, 64);
      throw new OidcError(q.error === "access_denied" ? "access_denied" : "provider_error", `provider answered: ${providerError}`);
    }
    const { identity, returnTo } = await completeSignIn(config, { code: q.code, state: q.state ?? "", iss: q.iss, browserSecret });
    const user = await upsertUser({ subject: identity.subject, name: identity.name, email: identity.email, role: identity.role, groups: identity.kubeGroups, kubeUser: identity.kubeUser });
    const session = await createSession(user.id, { ip, userAgent: req.headers.get("user-agent") ?? undefined });
    await recordAudit({
      requestId,
      actor: user.name,
      actorSubject: user.subject,
      groups: identity.kubeGroups,
      action: "sign-in",
      outcome: "success",
      detail: { ip, method: "oidc", role: identity.role, kubeUser: identity.kubeUser, idpGroups: identity.idpGroups },
    });
    const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    headers.append("set-cookie", sessionCookieHeader(session.cookieValue, session.maxAgeSeconds));
    headers.append("set-cookie", clearBinding);
    return new Response(landingPage(returnTo), { status: 200, headers });
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    logger.warn({ requestId, code: err.code, detail: err.detail, ip }, "oidc sign-in failed");
    await recordAudit({ requestId, actor: "unknown", action: "sign-in", outcome: "failure", message: err.code, detail: { ip, method: "oidc", reason: err.detail.slice(0, 300) } });
    const headers = new Headers({ location: new URL(`/sign-in?error=${err.code}`, env().publicUrl.origin).toString(), "cache-control": "no-store" });
    headers.append("set-cookie", clearBinding);
    return new Response(null, { status: 303, headers });
  }
}

export const GET = publicRoute({
  query,
  handler: ({ req, query: q, requestId }) => signIn(req, q, requestId),
});
