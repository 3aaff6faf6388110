// RFC 7386 JSON Merge Patch: maps merge recursively, null deletes, everything else replaces.
import { deepClone, isPlainObject, type JsonMap } from "../../store/object-utils";

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  const result: JsonMap = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
