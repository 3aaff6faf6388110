// Typed application errors with a code and an HTTP status; the only error shape route handlers return:
// { error: { code, message } }.

export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "read_only"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  read_only: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.headers = headers;
  }
}

export function errorBody(code: ErrorCode | string, message: string) {
  return { error: { code, message } };
}

/** JSON response for an AppError. */
export function errorResponse(err: AppError, requestId?: string): Response {
  const headers: Record<string, string> = { "content-type": "application/json", ...err.headers };
  if (requestId) headers["x-request-id"] = requestId;
  return new Response(JSON.stringify(errorBody(err.code, err.message)), { status: err.status, headers });
}
