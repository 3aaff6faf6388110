// Shared zod schemas for route params and queries.
import { z } from "zod";
import { RESOURCES } from "@/lib/kinds/registry";

/** DNS-1123 subdomain (object names) — 253 chars max. */
export const objectName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must be a valid Kubernetes name (lowercase letters, digits, '-', '.')");

/** A namespace, or "_" for cluster-scoped objects in URLs. */
export const namespaceParam = z.union([z.literal("_"), z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a valid namespace")]);

export const clusterId = z.string().min(1).max(253).regex(/^[A-Za-z0-9@._:-]+$/, "must be a kubeconfig context name");

export const resourceName = z.enum(RESOURCES.map((r) => r.resource) as [string, ...string[]], {
  error: () => `must be one of: ${RESOURCES.map((r) => r.resource).join(", ")}`,
});
