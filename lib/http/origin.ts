// Cross-site request defence for every request that changes something:
//  - Sec-Fetch-Site, when present, must be same-origin (browsers always send it; a cross-site or same-site page
//    cannot hide it);
//  - Origin is required and must equal the public URL's origin — except for API-token requests that carry no
//    cookie at all: they hold no ambient browser credential (a page cannot make a browser attach an Authorization
//    header cross-site without a CORS preflight, which we never grant), so there is nothing to forge. A request
//    with both a bearer token and cookies gets the full check.
import { AppError } from "./errors";

function isBearerWithoutCookies(req: Request): boolean {
  return /^Bearer\s/i.test(req.headers.get("authorization") ?? "") && !req.headers.has("cookie");
}

export function assertSameOrigin(req: Request, publicUrl: URL): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new AppError("forbidden", "Cross-site request refused");
  const origin = req.headers.get("origin");
  if (!origin && isBearerWithoutCookies(req)) return;
  if (!origin) throw new AppError("forbidden", "Origin header required for requests that change state");
  if (origin !== publicUrl.origin) throw new AppError("forbidden", "Cross-origin request refused");
}
