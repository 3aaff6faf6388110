// A CRD version's openAPIV3Schema compiled once into SchemaNodes: the structural view kube-apiserver works with
// (apiextensions-apiserver pkg/apiserver/schema) plus the value validations kube-openapi checks. Formats the
// apiserver does not support are dropped exactly as StripUnsupportedFormatsPostProcess does
// (apiextensions-apiserver pkg/apiserver/validation/formats.go), so `format: int64` never yields an error.
import { isPlainObject, type JsonMap } from "../store/object-utils";

export interface RuleSpec {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  optionalOldSelf?: boolean;
}

export interface SchemaNode {
  /** The schema's `type` ("" when absent, e.g. a preserve-unknown-fields `values`). */
  type: string;
  /** What the type check accepts: [type], ["integer","string"] for int-or-string, [] for no check. */
  types: string[];
  nullable: boolean;
  /** Only formats the apiserver supports (after normalization "date-time" stays "date-time"). */
  format: string;
  enum?: unknown[];
  pattern?: { source: string; re: RegExp | undefined; error?: string };
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum: boolean;
  exclusiveMaximum: boolean;
  multipleOf?: number;
  uniqueItems: boolean;
  required: string[];
  properties?: Map<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  additionalPropertiesAllowed: boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  not?: SchemaNode;
  default?: unknown;
  preserveUnknownFields: boolean;
  intOrString: boolean;
  embeddedResource: boolean;
  listType?: string;
  listMapKeys?: string[];
  mapType?: string;
  /** x-kubernetes-validations; compiled on first use by cel-rules.ts. */
  rules: RuleSpec[];
}

// apiextensions-apiserver pkg/apiserver/validation/formats.go supportedFormats (normalized: dashes removed).
const SUPPORTED_FORMATS = new Set([
  "bsonobjectid",
  "uri",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "cidr",
  "mac",
  "uuid",
  "uuid3",
  "uuid4",
  "uuid5",
  "isbn",
  "isbn10",
  "isbn13",
  "creditcard",
  "ssn",
  "hexcolor",
  "rgbcolor",
  "byte",
  "password",
  "date",
  "duration",
  "datetime",
]);

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

function compilePattern(source: string): SchemaNode["pattern"] {
  // Go's regexp is RE2; every pattern in the vendored CRDs is also a valid ECMAScript pattern with the same meaning.
  try {
    return { source, re: new RegExp(source, "u") };
  } catch (err) {
    return { source, re: undefined, error: err instanceof Error ? err.message : String(err) };
  }
}

function compileList(raw: unknown): SchemaNode[] | undefined {
  return Array.isArray(raw) && raw.length > 0 ? raw.map((r) => compileSchema(r)) : undefined;
}

export function compileSchema(input: unknown): SchemaNode {
  const raw: JsonMap = isPlainObject(input) ? input : {};
  const type = typeof raw.type === "string" ? raw.type : "";
  const intOrString = raw["x-kubernetes-int-or-string"] === true;
  const format =
    typeof raw.format === "string" && SUPPORTED_FORMATS.has(raw.format.replace(/-/g, "")) ? raw.format : "";
  const node: SchemaNode = {
    type,
    types: intOrString ? ["integer", "string"] : type ? [type] : [],
    nullable: raw.nullable === true,
    format,
    exclusiveMinimum: raw.exclusiveMinimum === true,
    exclusiveMaximum: raw.exclusiveMaximum === true,
    uniqueItems: raw.uniqueItems === true,
    required: Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === "string") : [],
    additionalPropertiesAllowed: raw.additionalProperties !== false,
    preserveUnknownFields: raw["x-kubernetes-preserve-unknown-fields"] === true,
    intOrString,
    embeddedResource: raw["x-kubernetes-embedded-resource"] === true,
    rules: Array.isArray(raw["x-kubernetes-validations"])
      ? (raw["x-kubernetes-validations"] as unknown[]).filter(
          (r): r is RuleSpec => isPlainObject(r) && typeof r.rule === "string",
        )
      : [],
  };
  if (Array.isArray(raw.enum)) node.enum = raw.enum;
  if (typeof raw.pattern === "string") node.pattern = compilePattern(raw.pattern);
  node.minLength = num(raw.minLength);
  node.maxLength = num(raw.maxLength);
  node.minItems = num(raw.minItems);
  node.maxItems = num(raw.maxItems);
  node.minProperties = num(raw.minProperties);
  node.maxProperties = num(raw.maxProperties);
  node.minimum = num(raw.minimum);
  node.maximum = num(raw.maximum);
  node.multipleOf = num(raw.multipleOf);
  if (isPlainObject(raw.properties)) {
    node.properties = new Map(Object.entries(raw.properties).map(([k, v]) => [k, compileSchema(v)]));
  }
  if (isPlainObject(raw.additionalProperties)) node.additionalProperties = compileSchema(raw.additionalProperties);
  if (isPlainObject(raw.items)) node.items = compileSchema(raw.items);
  node.anyOf = compileList(raw.anyOf);
  node.allOf = compileList(raw.allOf);
  node.oneOf = compileList(raw.oneOf);
  if (isPlainObject(raw.not)) node.not = compileSchema(raw.not);
  if (raw.default !== undefined) node.default = raw.default;
  if (typeof raw["x-kubernetes-list-type"] === "string") node.listType = raw["x-kubernetes-list-type"];
  if (Array.isArray(raw["x-kubernetes-list-map-keys"]))
    node.listMapKeys = (raw["x-kubernetes-list-map-keys"] as unknown[]).filter(
      (k): k is string => typeof k === "string",
    );
  if (typeof raw["x-kubernetes-map-type"] === "string") node.mapType = raw["x-kubernetes-map-type"];
  return node;
}

/** The root of a custom resource: like the apiserver, it is treated as an embedded resource (apiVersion, kind and
 * metadata are never pruned). */
export function compileRootSchema(openAPIV3Schema: unknown): SchemaNode {
  const root = compileSchema(openAPIV3Schema);
  root.embeddedResource = true;
  return root;
}

/** The schema of a property key: the named property, else additionalProperties. */
export function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  return node.properties?.get(key) ?? node.additionalProperties;
}
