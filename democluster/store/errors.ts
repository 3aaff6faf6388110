// StatusError: a thrown metav1.Status. The store, the server and the auth layer all throw these; the HTTP layer
// serializes them as `{"kind":"Status","apiVersion":"v1","status":"Failure",...}` with the matching HTTP code.
import type { ResourceType } from "./types";

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface MetaStatus {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = "StatusError";
  }

  toStatus(): MetaStatus {
    const status: MetaStatus = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
    return status;
  }
}

/** "helmreleases.helm.toolkit.fluxcd.io" or "pods" (core). */
export function qualifiedResource(rt: Pick<ResourceType, "group" | "plural">): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

function details(rt: Pick<ResourceType, "group" | "plural">, name?: string): StatusDetails {
  const d: StatusDetails = { group: rt.group, kind: rt.plural };
  if (name !== undefined) d.name = name;
  return d;
}

export function notFound(rt: Pick<ResourceType, "group" | "plural">, name: string): StatusError {
  return new StatusError(404, "NotFound", `${qualifiedResource(rt)} "${name}" not found`, details(rt, name));
}

export function alreadyExists(rt: Pick<ResourceType, "group" | "plural">, name: string): StatusError {
  return new StatusError(409, "AlreadyExists", `${qualifiedResource(rt)} "${name}" already exists`, details(rt, name));
}

export function conflict(rt: Pick<ResourceType, "group" | "plural">, name: string, why?: string): StatusError {
  const reason = why ?? "the object has been modified; please apply your changes to the latest version and try again";
  return new StatusError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedResource(rt)} "${name}": ${reason}`,
    details(rt, name),
  );
}

export function invalid(
  rt: Pick<ResourceType, "group" | "kind" | "plural">,
  name: string,
  field: string,
  problem: string,
): StatusError {
  const kindGroup = rt.group ? `${rt.kind}.${rt.group}` : rt.kind;
  return new StatusError(422, "Invalid", `${kindGroup} "${name}" is invalid: ${field}: ${problem}`, {
    name,
    group: rt.group,
    kind: rt.kind,
    causes: [{ reason: "FieldValueInvalid", message: problem, field }],
  });
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, "BadRequest", message);
}

export function methodNotAllowed(message: string): StatusError {
  return new StatusError(405, "MethodNotAllowed", message);
}

export function gone(message: string): StatusError {
  return new StatusError(410, "Expired", message);
}

export function unsupportedMediaType(contentType: string): StatusError {
  return new StatusError(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got ${contentType || "none"})`,
  );
}
