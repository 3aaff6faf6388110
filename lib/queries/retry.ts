// Retry policy for queries: client errors (4xx: not found, forbidden, bad input, signed out) are final.
import { ApiError } from "@/components/ui/api";

export function retryServerErrors(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
