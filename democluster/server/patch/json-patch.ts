// RFC 6902 JSON Patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.
import { badRequest, StatusError } from "../../store/errors";
import { deepClone, deepEqual, isPlainObject } from "../../store/object-utils";

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function invalidPatch(message: string): StatusError {
  return new StatusError(422, "Invalid", message);
}

function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw invalidPatch(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Container = Record<string, unknown> | unknown[];

/** Returns the parent container of the pointer's target and the last token. */
function resolveParent(doc: unknown, tokens: string[], pointer: string): { parent: Container; key: string } {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false, pointer)];
    else if (isPlainObject(cur) && t in cur) cur = cur[t];
    else throw invalidPatch(`doc is missing path: "${pointer}"`);
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) throw invalidPatch(`doc is missing path: "${pointer}"`);
  return { parent: cur, key: tokens[tokens.length - 1] as string };
}

function arrayIndex(arr: unknown[], token: string, forInsert: boolean, pointer: string): number {
  if (forInsert && token === "-") return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw invalidPatch(`invalid array index "${token}" in "${pointer}"`);
  const idx = Number(token);
  if (idx > arr.length || (!forInsert && idx >= arr.length))
    throw invalidPatch(`array index ${idx} out of bounds in "${pointer}"`);
  return idx;
}

function getValue(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const t of parsePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false, pointer)];
    else if (isPlainObject(cur) && t in cur) cur = cur[t];
    else throw invalidPatch(`doc is missing path: "${pointer}"`);
  }
  return cur;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true, pointer), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw invalidPatch("cannot remove the whole document");
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false, pointer), 1);
  else {
    if (!(key in parent)) throw invalidPatch(`unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
  return doc;
}

function replace(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, pointer);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, false, pointer)] = value;
  else {
    if (!(key in parent))
      throw invalidPatch(`replace operation does not apply: doc is missing key: ${pointer}: missing value`);
    parent[key] = value;
  }
  return doc;
}

function parseOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) throw badRequest("a JSON patch must be an array of operations");
  return patch.map((op, i) => {
    if (!isPlainObject(op) || typeof op.op !== "string" || typeof op.path !== "string") {
      throw badRequest(`JSON patch operation ${i} needs string "op" and "path"`);
    }
    if ((op.op === "move" || op.op === "copy") && typeof op.from !== "string")
      throw badRequest(`JSON patch operation ${i} (${op.op}) needs "from"`);
    if (["add", "replace", "test"].includes(op.op) && !("value" in op))
      throw badRequest(`JSON patch operation ${i} (${op.op}) needs "value"`);
    return op as unknown as Operation;
  });
}

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  const ops = parseOperations(patch);
  let doc = deepClone(target);
  for (const op of ops) {
    switch (op.op) {
      case "add":
        doc = add(doc, op.path, deepClone(op.value));
        break;
      case "remove":
        doc = remove(doc, op.path);
        break;
      case "replace":
        doc = replace(doc, op.path, deepClone(op.value));
        break;
      case "move": {
        const value = getValue(doc, op.from as string);
        doc = add(remove(doc, op.from as string), op.path, value);
        break;
      }
      case "copy":
        doc = add(doc, op.path, deepClone(getValue(doc, op.from as string)));
        break;
      case "test":
        if (!deepEqual(getValue(doc, op.path), op.value))
          throw invalidPatch(`testing value ${op.path} failed: test failed`);
        break;
      default:
        throw badRequest(`unknown JSON patch operation "${op.op}"`);
    }
  }
  return doc;
}
