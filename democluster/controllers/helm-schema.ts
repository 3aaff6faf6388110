// Chart values validation as Helm 4 does it before rendering (helm pkg/chart/common/util/jsonschema.go): the
// coalesced values against the chart's values.schema.json (draft-07 here), every error reported. Helm 4 validates
// with santhosh-tekuri/jsonschema v6; we validate with ajv (allErrors) and print the errors the way that library
// does (output.go `display`, kind/kind.go messages): one "- at '<json pointer>': <message>" line per error, errors
// of one instance location that has several grouped under "- at '<loc>': validation failed" with their causes
// indented, a type mismatch hiding every other error at and below its location (the library returns early).
// Known approximation: errors inside a `$ref` branch of anyOf/oneOf are listed beside the "anyOf failed" line
// instead of under it (ajv's schemaPath no longer names the branch there).
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { JsonMap } from "../sim/objects";

const compiled = new WeakMap<JsonMap, ValidateFunction>();

function validatorFor(schema: JsonMap): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      inlineRefs: false,
      code: { optimize: false },
      validateSchema: false,
      // Kubernetes OpenAPI formats the chart's schema borrows; santhosh-tekuri asserts only the ones it knows.
      formats: { int32: true, int64: true, "date-time": true, byte: true },
    });
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** The error lines Helm prints after "<chart>:\n" (without the trailing newline), or undefined when valid. */
export function schemaErrors(schema: JsonMap, values: JsonMap): string | undefined {
  const validate = validatorFor(schema);
  if (validate(values)) return undefined;
  const items = buildTree(validate.errors ?? [], values);
  const lines: string[] = [];
  for (const item of items) display(item, 1, lines);
  return lines.join("\n");
}

/** Helm's error text for a failed validation of one chart. */
export function schemaFailureMessage(chartName: string, errors: string): string {
  return `values don't meet the specifications of the schema(s) in the following chart(s):\n${chartName}:\n${errors}`;
}

interface Item {
  at: string;
  message: string;
  causes: Item[];
}

function display(item: Item, indent: number, out: string[]): void {
  out.push(`${"  ".repeat(indent - 1)}- at '${item.at}': ${item.message}`);
  for (const c of item.causes) display(c, indent + 1, out);
}

const TYPE_ORDER = ["null", "boolean", "number", "integer", "string", "array", "object"];

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v; // boolean, number, string
}

function quote(s: string): string {
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function displayValue(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (v !== null && typeof v === "object") return "value";
  return String(v);
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}

function message(e: ErrorObject, values: JsonMap): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type": {
      const want = ([] as string[]).concat(p.type as string | string[]);
      want.sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
      return `got ${jsonType(valueAt(values, e.instancePath))}, want ${want.join(" or ")}`;
    }
    case "enum": {
      const allowed = p.allowedValues as unknown[];
      if (allowed.some((v) => v !== null && typeof v === "object")) return "enum failed";
      return allowed.length === 1
        ? `value must be ${displayValue(allowed[0])}`
        : `value must be one of ${allowed.map(displayValue).join(", ")}`;
    }
    case "const":
      return `value must be ${displayValue(p.allowedValue)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return `${e.keyword}: got ${String(valueAt(values, e.instancePath))}, want ${String(p.limit ?? p.multipleOf)}`;
    case "minLength":
    case "maxLength":
      return `${e.keyword}: got ${[...String(valueAt(values, e.instancePath))].length}, want ${String(p.limit)}`;
    case "minItems":
    case "maxItems":
      return `${e.keyword}: got ${(valueAt(values, e.instancePath) as unknown[]).length}, want ${String(p.limit)}`;
    case "minProperties":
    case "maxProperties":
      return `${e.keyword}: got ${Object.keys(valueAt(values, e.instancePath) as object).length}, want ${String(p.limit)}`;
    case "pattern":
      return `${quote(String(valueAt(values, e.instancePath)))} does not match pattern ${quote(String(p.pattern))}`;
    case "anyOf":
      return "anyOf failed";
    case "oneOf": {
      const passing = p.passingSchemas as number[] | null;
      return passing ? `oneOf failed, subschemas ${passing[0]}, ${passing[1]} matched` : "oneOf failed, none matched";
    }
    case "false schema":
      return "false schema";
    default:
      return e.message ?? e.keyword;
  }
}

interface Node {
  own: Item[];
  required: string[];
  additional: string[];
  typeError?: Item;
  children: Map<string, Node>;
  order: string[];
}

const newNode = (): Node => ({ own: [], required: [], additional: [], children: new Map(), order: [] });

function buildTree(errors: ErrorObject[], values: JsonMap): Item[] {
  const combinators = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const branchOf = (e: ErrorObject): ErrorObject | undefined =>
    combinators.find((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const root = newNode();
  const nodeAt = (pointer: string): Node => {
    let node = root;
    for (const seg of pointer.split("/").slice(1)) {
      let child = node.children.get(seg);
      if (!child) {
        child = newNode();
        node.children.set(seg, child);
        node.order.push(seg);
      }
      node = child;
    }
    return node;
  };
  for (const e of errors) {
    if (branchOf(e)) continue;
    const node = nodeAt(e.instancePath);
    if (e.keyword === "type") node.typeError = { at: e.instancePath, message: message(e, values), causes: [] };
    else if (e.keyword === "required") node.required.push(String((e.params as JsonMap).missingProperty));
    else if (e.keyword === "additionalProperties")
      node.additional.push(String((e.params as JsonMap).additionalProperty));
    else {
      const item: Item = { at: e.instancePath, message: message(e, values), causes: [] };
      if (e.keyword === "anyOf" || e.keyword === "oneOf") item.causes = branchCauses(e, errors, values);
      node.own.push(item);
    }
  }
  return collect(root, "", values);
}

/** The errors of each failed branch of an anyOf/oneOf, one item per branch (a group when it has several). */
function branchCauses(combinator: ErrorObject, errors: ErrorObject[], values: JsonMap): Item[] {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (!e.schemaPath.startsWith(`${combinator.schemaPath}/`)) continue;
    const index = e.schemaPath.slice(combinator.schemaPath.length + 1).split("/")[0];
    byBranch.set(index, [...(byBranch.get(index) ?? []), e]);
  }
  return [...byBranch.values()].map((branch) => {
    const items = buildTree(branch, values);
    return items.length === 1 ? items[0] : { at: combinator.instancePath, message: "validation failed", causes: items };
  });
}

function collect(node: Node, at: string, values: JsonMap): Item[] {
  if (node.typeError) return [node.typeError];
  const items: Item[] = [];
  if (node.required.length)
    items.push({
      at,
      message:
        node.required.length === 1
          ? `missing property ${quote(node.required[0])}`
          : `missing properties ${node.required.map(quote).join(", ")}`,
      causes: [],
    });
  const value = valueAt(values, at);
  const keyOrder = value !== null && typeof value === "object" ? Object.keys(value) : [];
  const segs = [...node.order].sort((a, b) => keyOrder.indexOf(unescape(a)) - keyOrder.indexOf(unescape(b)));
  for (const seg of segs) {
    const childAt = `${at}/${seg}`;
    const sub = collect(node.children.get(seg) as Node, childAt, values);
    if (sub.length === 1) items.push(sub[0]);
    else if (sub.length > 1) items.push({ at: childAt, message: "validation failed", causes: sub });
  }
  if (node.additional.length)
    items.push({
      at,
      message: `additional properties ${node.additional.map(quote).join(", ")} not allowed`,
      causes: [],
    });
  items.push(...node.own);
  return items;
}

function unescape(seg: string): string {
  return seg.replace(/~1/g, "/").replace(/~0/g, "~");
}
