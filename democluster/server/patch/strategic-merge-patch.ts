// The subset of strategic merge patch the demo needs: maps merge like a merge patch, lists of objects that all
// carry a `name` (containers, env, volumes, ...) merge element-wise by name, other lists replace. Directive keys
// (`$setElementOrder/...`, `$retainKeys`, ...) are ignored except `$patch: delete` (list element) and
// `$patch: replace` (map).
import { deepClone, isPlainObject, type JsonMap } from "../../store/object-utils";

function isNamedList(list: unknown[]): list is JsonMap[] {
  return list.length > 0 && list.every((e) => isPlainObject(e) && typeof e.name === "string");
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith("$")) out[k] = stripDirectives(v);
  return out;
}

function mergeNamedLists(target: unknown, patch: JsonMap[]): unknown[] {
  const result: unknown[] = Array.isArray(target) ? [...target] : [];
  for (const item of patch) {
    const idx = result.findIndex((e) => isPlainObject(e) && e.name === item.name);
    if (item.$patch === "delete") {
      if (idx >= 0) result.splice(idx, 1);
      continue;
    }
    if (idx >= 0) result[idx] = applyStrategicMergePatch(result[idx], item);
    else result.push(stripDirectives(item));
  }
  return result;
}

export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    if (isNamedList(patch) && (!Array.isArray(target) || target.length === 0 || isNamedList(target))) {
      return mergeNamedLists(target, patch);
    }
    return stripDirectives(deepClone(patch));
  }
  if (!isPlainObject(patch)) return deepClone(patch);
  if (patch.$patch === "replace") return stripDirectives(patch);
  const result: JsonMap = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith("$")) continue;
    if (value === null) delete result[key];
    else result[key] = applyStrategicMergePatch(result[key], value);
  }
  return result;
}
