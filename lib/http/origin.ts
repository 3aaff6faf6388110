// Cross-site request defence for every request that changes something: Origin is required and must equal the
// public URL's origin; Sec-Fetch-Site, when present, must be same-origin.
import { AppError } from "./errors";

export function assertSameOrigin(req: Request, publicUrl: URL): void {
  const origin = req.headers.get("origin");
  if (!origin) throw new AppError("forbidden", "Origin header required for requests that change state");
  if (origin !== publicUrl.origin) throw new AppError("forbidden", "Cross-origin request refused");
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw new AppError("forbidden", "Cross-site request refused");
}
