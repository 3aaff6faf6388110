// Schema validation of a custom resource as kube-apiserver does it: kube-openapi's SchemaValidator (k8s.io/kube-openapi
// pkg/validation/validate, the version kube-apiserver v1.32 vendors) turned into field errors by
// kubeOpenAPIResultToFieldErrors (apiextensions-apiserver pkg/apiserver/validation/validation.go). Per value the
// validators run in kube-openapi's order (type, anyOf/allOf/oneOf/not, string, format, number, array, enum, object)
// and report with its wording ("spec.interval in body should match '…'"); properties follow the schema's order.
// On update, a value equal to its correlated old value is not validated again (CRDValidationRatcheting, on by default
// since v1.30).
import { deepEqual, isPlainObject, type JsonMap } from "../store/object-utils";
import { fieldErr, goQuote, type FieldError } from "./field-error";
import { formatValid } from "./formats";
import type { SchemaNode } from "./schema-node";
import { correlatedItem, NO_OLD, type Old } from "./correlate";

interface Issue {
  /** kube-openapi's message (distinct messages only, as Result.AddErrors keeps them). */
  message: string;
  /** undefined: a plain (non-Validation) error reported at the validator's root path. */
  name: string | undefined;
  make: (field: string) => FieldError;
}

type Out = Issue[];

export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "object") return "object";
  return typeof v; // string, boolean
}

function invalidType(out: Out, name: string, typeName: string, value: string): void {
  const message = `${name} in body must be of type ${typeName}: ${goQuote(value)}`;
  out.push({ message, name, make: (f) => fieldErr.typeInvalid(f, value, message) });
}

function invalid(out: Out, name: string, value: unknown, message: string): void {
  out.push({ message, name, make: (f) => fieldErr.invalid(f, value, message) });
}

function plain(out: Out, message: string): void {
  out.push({ message, name: undefined, make: (f) => fieldErr.invalid(f, "", message) });
}

function checkType(value: unknown, node: SchemaNode, path: string, out: Out): void {
  if (node.types.length === 0 && !node.format) return;
  if (value === null) {
    if (node.types.length > 0 && !node.types.includes("null") && !node.nullable)
      invalidType(out, path, node.types.join(","), "null");
    return;
  }
  const schType = jsonType(value);
  const goFormat = schType === "integer" ? "int64" : schType === "number" ? "float64" : "";
  const isIntFloat = schType === "integer" && node.types.includes("number");
  const stringOrSlice = schType === "string" || schType === "array";
  if (!stringOrSlice && node.format && !(node.types.includes(schType) || goFormat === node.format || isIntFloat)) {
    invalidType(out, path, node.format, goFormat);
    return;
  }
  if (!(node.types.includes("number") || node.types.includes("integer")) && node.format && stringOrSlice) return;
  if (!(node.types.includes(schType) || isIntFloat)) invalidType(out, path, node.types.join(","), schType);
}

function checkSchemaProps(value: unknown, node: SchemaNode, path: string, out: Out): void {
  if (node.anyOf) {
    let best: Out | undefined;
    let ok = false;
    for (const sub of node.anyOf) {
      const r: Out = [];
      validateValue(value, NO_OLD, sub, path, r);
      if (r.length === 0) {
        ok = true;
        best = undefined;
        break;
      }
      best ??= r;
    }
    if (!ok) plain(out, `${goQuote(path)} must validate at least one schema (anyOf)`);
    if (best) out.push(...best);
  }
  if (node.oneOf) {
    let valid = 0;
    let best: Out | undefined;
    for (const sub of node.oneOf) {
      const r: Out = [];
      validateValue(value, NO_OLD, sub, path, r);
      if (r.length === 0) valid++;
      else if (valid === 0) best ??= r;
    }
    if (valid !== 1) {
      const more = valid === 0 ? "Found none valid" : `Found ${valid} valid alternatives`;
      plain(out, `${goQuote(path)} must validate one and only one schema (oneOf). ${more}`);
      if (valid === 0 && best) out.push(...best);
    }
  }
  if (node.allOf) {
    let valid = 0;
    for (const sub of node.allOf) {
      const r: Out = [];
      validateValue(value, NO_OLD, sub, path, r);
      if (r.length === 0) valid++;
      out.push(...r);
    }
    if (valid !== node.allOf.length)
      plain(out, `${goQuote(path)} must validate all the schemas (allOf)${valid === 0 ? ". None validated" : ""}`);
  }
  if (node.not) {
    const r: Out = [];
    validateValue(value, NO_OLD, node.not, path, r);
    if (r.length === 0) plain(out, `${goQuote(path)} must not validate the schema (not)`);
  }
}

function checkString(value: string, node: SchemaNode, path: string, out: Out): void {
  const runes = node.maxLength !== undefined || node.minLength !== undefined ? [...value].length : 0;
  if (node.maxLength !== undefined && runes > node.maxLength) {
    const max = node.maxLength;
    const message = `${path} in body should be at most ${max} chars long`;
    out.push({ message, name: path, make: (f) => fieldErr.tooLong(f, max) });
    return;
  }
  if (node.minLength !== undefined && runes < node.minLength) {
    invalid(out, path, value, `${path} in body should be at least ${node.minLength} chars long`);
    return;
  }
  const p = node.pattern;
  if (p) {
    if (!p.re)
      invalid(out, path, value, `${path} in body should match '${p.source}, but pattern is invalid: ${p.error}'`);
    else if (!p.re.test(value)) invalid(out, path, value, `${path} in body should match '${p.source}'`);
  }
}

function checkNumber(value: number, node: SchemaNode, path: string, out: Out): void {
  if (node.multipleOf !== undefined) {
    const f = node.multipleOf;
    const isMultiple = Number.isInteger(value) ? value % Math.trunc(f) === 0 : Number.isInteger(value / f);
    if (f <= 0) plain(out, `factor MultipleOf declared for ${path} must be positive: ${f}`);
    else if (!isMultiple) invalid(out, path, value, `${path} in body should be a multiple of ${f}`);
  }
  if (node.minimum !== undefined) {
    const min = node.minimum;
    const bad = node.exclusiveMinimum ? value <= min : value < min;
    const word = node.exclusiveMinimum ? "greater than" : "greater than or equal to";
    if (bad) invalid(out, path, value, `${path} in body should be ${word} ${min}`);
  }
  if (node.maximum !== undefined) {
    const max = node.maximum;
    const bad = node.exclusiveMaximum ? value >= max : value > max;
    const word = node.exclusiveMaximum ? "less than" : "less than or equal to";
    if (bad) invalid(out, path, value, `${path} in body should be ${word} ${max}`);
  }
}

function checkArray(value: unknown[], old: Old, node: SchemaNode, path: string, out: Out): void {
  if (node.items) {
    for (let i = 0; i < value.length; i++)
      validateValue(value[i], correlatedItem(node, old, value[i]), node.items, `${path}[${i}]`, out);
  }
  if (node.minItems !== undefined && value.length < node.minItems)
    invalid(out, path, value.length, `${path} in body should have at least ${node.minItems} items`);
  if (node.maxItems !== undefined && value.length > node.maxItems) {
    const [n, max] = [value.length, node.maxItems];
    const message = `${path} in body should have at most ${max} items`;
    out.push({ message, name: path, make: (f) => fieldErr.tooMany(f, n, max) });
  }
  if (node.uniqueItems && value.some((v, i) => value.slice(0, i).some((u) => deepEqual(u, v))))
    invalid(out, path, "", `${path} in body shouldn't contain duplicates`);
}

function enumText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function checkEnum(value: unknown, node: SchemaNode, path: string, out: Out): void {
  const values = node.enum;
  if (!values || values.length === 0) return;
  if (value !== null && values.some((e) => deepEqual(e, value))) return;
  const message = `${path} in body should be one of [${values.map(enumText).join(" ")}]`;
  out.push({ message, name: path, make: (f) => fieldErr.notSupported(f, value, values.map(enumText)) });
}

function has(obj: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function checkObject(value: JsonMap, old: Old, node: SchemaNode, path: string, out: Out): void {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  const oldMap = isPlainObject(old) ? old : undefined;
  const oldOf = (k: string): Old => (oldMap && has(oldMap, k) ? oldMap[k] : NO_OLD);
  if (node.minProperties !== undefined && keys.length < node.minProperties)
    invalid(out, path, keys.length, `${path} in body should have at least ${node.minProperties} properties`);
  if (node.maxProperties !== undefined && keys.length > node.maxProperties) {
    const [n, max] = [keys.length, node.maxProperties];
    const message = `${path} in body should have at most ${max} properties`;
    out.push({ message, name: path, make: (f) => fieldErr.tooMany(f, n, max) });
  }
  if (!node.additionalPropertiesAllowed) {
    for (const k of keys)
      if (!node.properties?.has(k)) invalid(out, path, k, `${path}.${k} in body is a forbidden property`);
  } else if (node.additionalProperties) {
    const correlatable = node.mapType !== "atomic";
    for (const k of keys) {
      if (node.properties?.has(k)) continue;
      validateValue(value[k], correlatable ? oldOf(k) : NO_OLD, node.additionalProperties, `${path}.${k}`, out);
    }
  }
  if (node.properties) {
    for (const [k, sub] of node.properties) {
      if (has(value, k)) validateValue(value[k], oldOf(k), sub, path ? `${path}.${k}` : k, out);
    }
  }
  for (const k of node.required) {
    if (has(value, k)) continue;
    const message = `${path}.${k} in body is required`;
    out.push({ message, name: `${path}.${k}`, make: (f) => fieldErr.required(f) });
  }
}

function validateValue(value: unknown, old: Old, node: SchemaNode, path: string, out: Out): void {
  if (old !== NO_OLD && deepEqual(value, old)) return; // ratcheting: unchanged values are not re-validated
  if (value === null || value === undefined) {
    checkType(null, node, path, out);
    checkEnum(null, node, path, out);
    return;
  }
  checkType(value, node, path, out);
  checkSchemaProps(value, node, path, out);
  if (typeof value === "string") {
    checkString(value, node, path, out);
    if (node.format && !formatValid(node.format, value)) invalidType(out, path, node.format, value);
  }
  if (typeof value === "number") checkNumber(value, node, path, out);
  if (Array.isArray(value)) checkArray(value, old, node, path, out);
  checkEnum(value, node, path, out);
  if (isPlainObject(value)) checkObject(value, old, node, path, out);
}

/**
 * Validates `value` against `node`. `prefix` is the field path the value sits at ("status" for the status
 * subresource's validator, undefined for the whole object); `old` enables ratcheting on update.
 */
export function validateSchema(value: unknown, node: SchemaNode, prefix?: string, old: Old = NO_OLD): FieldError[] {
  const out: Out = [];
  validateValue(value, old, node, "", out);
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  for (const issue of out) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    errs.push(issue.make(fieldPath(prefix, issue.name)));
  }
  return errs;
}

function fieldPath(prefix: string | undefined, name: string | undefined): string {
  const rel = name === undefined || name === "" || name === "." ? "" : name.replace(/^\./, "");
  if (prefix) return rel ? `${prefix}.${rel}` : prefix;
  return rel || "<nil>";
}
