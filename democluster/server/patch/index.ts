// Applies a PATCH body according to its Content-Type.
import { StatusError, unsupportedMediaType } from "../../store/errors";
import { applyJsonPatch } from "./json-patch";
import { applyMergePatch } from "./merge-patch";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

export const PATCH_TYPES = [
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
];

export function applyPatch(mediaType: string, target: unknown, patch: unknown): unknown {
  switch (mediaType) {
    case "application/merge-patch+json":
      return applyMergePatch(target, patch);
    case "application/json-patch+json":
      return applyJsonPatch(target, patch);
    case "application/strategic-merge-patch+json":
      return applyStrategicMergePatch(target, patch);
    case "application/apply-patch+yaml":
      throw new StatusError(
        415,
        "UnsupportedMediaType",
        "server-side apply (application/apply-patch+yaml) is not supported by the demo cluster",
      );
    default:
      throw unsupportedMediaType(mediaType);
  }
}
