// Per-address limits for the OIDC endpoints (SECURITY.md S16): starting sign-ins and callbacks.
import { AppError } from "@/lib/http/errors";
import { limiter } from "../rate-limit";

export const OIDC_STARTS_PER_MINUTE = 20;
export const OIDC_CALLBACKS_PER_MINUTE = 20;

/** Counts one hit for the address; throws rate_limited (429 with Retry-After) beyond the limit. */
export async function hitOidcLimit(kind: "start" | "callback", ip: string): Promise<void> {
  const l = limiter(`oidc-${kind}`, kind === "start" ? OIDC_STARTS_PER_MINUTE : OIDC_CALLBACKS_PER_MINUTE, 60_000);
  const v = await l.hit(`ip:${ip}`);
  if (!v.ok) throw new AppError("rate_limited", "Too many sign-in attempts; try again later", { "retry-after": String(v.retryAfter) });
}
