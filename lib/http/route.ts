// One wrapper for every route handler: request id, authentication, role check, cross-site and content-type checks
// for changes, read-only mode, body cap, zod validation of path/query/body, error mapping and logging.
// Authorization runs here, inside the handler — never only in the proxy.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { authenticate } from "@/lib/auth/authenticate";
import type { Principal } from "@/lib/auth/principal";
import { roleAtLeast, type Role } from "@/lib/auth/roles";
import { KubeHttpError } from "@/lib/k8s/transport";
import { apiServerTextFor } from "./api-server-visibility";
import { AppError, errorResponse } from "./errors";
import { readJsonBody } from "./body";
import { assertSameOrigin } from "./origin";
import { queryObject, validate } from "./validate";

export interface RouteContext<P, Q, B, U> {
  req: Request;
  url: URL;
  params: P;
  query: Q;
  body: B;
  user: U;
  requestId: string;
}

interface RouteSpec<P, Q, B, U> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Minimum app role (default viewer). Ignored for public routes. */
  role?: Role;
  /** The route changes state: Origin check, JSON only, refused in read-only mode unless allowReadOnly. */
  mutation?: boolean;
  allowReadOnly?: boolean;
  maxBodyBytes?: number;
  handler: (ctx: RouteContext<P, Q, B, U>) => Promise<Response | object>;
}

type NextCtx = { params: Promise<Record<string, string | string[]>> };

function toResponse(result: Response | object, requestId: string): Response {
  if (result instanceof Response) {
    result.headers.set("x-request-id", requestId);
    return result;
  }
  return Response.json(result, { headers: { "x-request-id": requestId, "cache-control": "no-store" } });
}

/**
 * Changes accept JSON bodies only: any other declared content type (forms, text, multipart — what a cross-site
 * <form> can send) is refused with 415 before anything else is looked at.
 */
function assertJsonOrNoBody(req: Request): void {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type && type !== "application/json") throw new AppError("unsupported_media_type", "Request body must be application/json");
}

/** Kubernetes answers mapped to ours: forbidden and missing are both 404 (no existence oracle). */
function fromKube(err: KubeHttpError): AppError {
  if (err.status === 403 || err.status === 404) return new AppError("not_found", "Not found (or not visible to you)");
  if (err.status === 409) return new AppError("conflict", err.message);
  if (err.status === 400 || err.status === 422) return new AppError("bad_request", err.message);
  if (err.status === 429) return new AppError("rate_limited", "The Kubernetes API server is throttling requests");
  return new AppError("unavailable", `Kubernetes API: ${err.message}`);
}

/** The signed-in principal, when the route resolved one. */
function principalOf(user: unknown): Principal | null {
  return user && typeof user === "object" && "role" in user ? (user as Principal) : null;
}

function build<P, Q, B, U>(spec: RouteSpec<P, Q, B, U>, resolveUser: (req: Request) => Promise<U>) {
  return async (req: Request, nextCtx?: NextCtx): Promise<Response> => {
    const requestId = randomUUID();
    const url = new URL(req.url);
    let user: U | undefined;
    try {
      const config = env();
      if (spec.mutation) {
        assertSameOrigin(req, config.publicUrl);
        if (config.FLUXTOWER_READ_ONLY && !spec.allowReadOnly) {
          throw new AppError("read_only", "Fluxtower is in read-only mode: changes are disabled");
        }
        assertJsonOrNoBody(req);
      }
      user = await resolveUser(req);
      const rawParams = nextCtx ? await nextCtx.params : {};
      const params = spec.params ? validate(spec.params, rawParams, "path") : (rawParams as P);
      const query = spec.query ? validate(spec.query, queryObject(url), "query") : ({} as Q);
      let body = undefined as B;
      if (spec.body) {
        const raw = await readJsonBody(req, Math.min(spec.maxBodyBytes ?? config.FLUXTOWER_MAX_BODY_BYTES, config.FLUXTOWER_MAX_BODY_BYTES));
        body = validate(spec.body, raw ?? {}, "body");
      }
      const result = await spec.handler({ req, url, params, query, body, user, requestId });
      return toResponse(result, requestId);
    } catch (caught) {
      let err = caught;
      if (err instanceof KubeHttpError) err = fromKube(err);
      if (err instanceof AppError) {
        if (err.status >= 500) logger.error({ requestId, path: url.pathname, code: err.code }, err.message);
        // Errors quote the API server ("connect ECONNREFUSED 10.0.3.7:6443"): its address is for admins only.
        const shown = apiServerTextFor(principalOf(user), err.message);
        return errorResponse(shown === err.message ? err : new AppError(err.code, shown, err.headers), requestId);
      }
      logger.error({ requestId, path: url.pathname, err: err instanceof Error ? err.message : String(err) }, "unhandled");
      return errorResponse(new AppError("internal", `Internal error (request ${requestId})`), requestId);
    }
  };
}

/** A route that requires a signed-in user with at least `spec.role` (default viewer). */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B, Principal>,
) {
  return build(spec, async (req) => {
    const user = await authenticate(req);
    if (!user) throw new AppError("unauthenticated", "Sign in required");
    const min = spec.role ?? "viewer";
    if (!roleAtLeast(user.role, min)) {
      throw new AppError("forbidden", `This needs the ${min} role; you are ${user.role}`);
    }
    return user;
  });
}

/** A route open without a session (sign-in, health); the user is resolved when present. */
export function publicRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B, Principal | null>,
) {
  return build(spec, (req) => authenticate(req));
}
