// Schema features the vendored Flux/ESO CRDs do not use (or use only in passing), on small schemas written the way
// controller-gen writes them: CEL transition rules (oldSelf), messageExpression/fieldPath/reason, ratcheting of
// unchanged values, list-type set/map uniqueness, embedded resources, nullable, formats. Expected wording per
// apiextensions-apiserver (schema/cel/validation.go, schema/listtype/validation.go, schema/objectmeta/validation.go)
// and kube-openapi's strfmt.
import { describe, expect, it } from "vitest";
import { compileSchema } from "./schema-node";
import { validateRules } from "./cel-rules";
import { validateSchema } from "./openapi-validate";
import { validateListTypes } from "./list-type";
import { validateEmbeddedResources } from "./embedded";
import { decodeCustomResource } from "./prune-default";
import { errorString } from "./field-error";
import { formatValid } from "./formats";

const strings = (errs: ReturnType<typeof validateSchema>): string[] => errs.map(errorString);

// A spec with an immutable field (the classic transition rule) and a rule with every optional key.
const SPEC = compileSchema({
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        storageClass: {
          type: "string",
          "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "storageClass is immutable" }],
        },
        replicas: { type: "integer", minimum: 0 },
        maxReplicas: { type: "integer" },
      },
      "x-kubernetes-validations": [
        {
          rule: "!has(self.maxReplicas) || self.replicas <= self.maxReplicas",
          messageExpression: "'replicas (' + string(self.replicas) + ') exceed maxReplicas'",
          fieldPath: ".replicas",
          reason: "FieldValueForbidden",
        },
      ],
    },
  },
});

describe("CEL rules", () => {
  it("runs transition rules only on update, against the old value", () => {
    const created = { spec: { storageClass: "standard", replicas: 1 } };
    expect(validateRules(SPEC, created)).toEqual([]);
    const changed = { spec: { storageClass: "premium", replicas: 1 } };
    expect(validateRules(SPEC, changed, created).map(errorString)).toEqual([
      'spec.storageClass: Invalid value: "string": storageClass is immutable',
    ]);
    expect(validateRules(SPEC, { spec: { storageClass: "standard", replicas: 2 } }, created)).toEqual([]);
  });

  it("uses messageExpression, fieldPath and reason; integers are CEL ints", () => {
    const errs = validateRules(SPEC, { spec: { replicas: 5, maxReplicas: 3 } });
    expect(errs).toEqual([
      { type: "FieldValueForbidden", field: "spec.replicas", badValue: "", detail: "replicas (5) exceed maxReplicas" },
    ]);
    expect(errorString(errs[0] as (typeof errs)[number])).toBe(
      "spec.replicas: Forbidden: replicas (5) exceed maxReplicas",
    );
  });

  it("ratchets: with `ratchet`, a failing rule on an unchanged value is not reported", () => {
    const bad = { spec: { replicas: 5, maxReplicas: 3 } };
    expect(validateRules(SPEC, bad, structuredClone(bad), true)).toEqual([]);
    expect(validateRules(SPEC, { spec: { replicas: 6, maxReplicas: 3 } }, bad, true)).toHaveLength(1);
  });
});

describe("schema ratcheting on update", () => {
  it("does not re-validate values equal to the old ones, but does validate changed ones", () => {
    const old = { spec: { replicas: -1 } };
    expect(strings(validateSchema({ spec: { replicas: -1 } }, SPEC))).toEqual([
      "spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0",
    ]);
    expect(validateSchema({ spec: { replicas: -1, maxReplicas: 2 } }, SPEC, undefined, old)).toEqual([]);
    expect(strings(validateSchema({ spec: { replicas: -2 } }, SPEC, undefined, old))).toEqual([
      "spec.replicas: Invalid value: -2: spec.replicas in body should be greater than or equal to 0",
    ]);
  });
});

const LISTS = compileSchema({
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        finalizers: { type: "array", items: { type: "string" }, "x-kubernetes-list-type": "set" },
        ports: {
          type: "array",
          items: {
            type: "object",
            properties: { port: { type: "integer" }, protocol: { type: "string" }, name: { type: "string" } },
          },
          "x-kubernetes-list-type": "map",
          "x-kubernetes-list-map-keys": ["port", "protocol"],
        },
      },
    },
  },
});

describe("list types", () => {
  it("reports every repeated set item and map key as a Duplicate value at its index", () => {
    const errs = validateListTypes(LISTS, {
      spec: {
        finalizers: ["a", "b", "a", "a"],
        ports: [
          { port: 80, protocol: "TCP", name: "http" },
          { port: 80, protocol: "UDP" },
          { port: 80, protocol: "TCP", name: "web" },
        ],
      },
    });
    expect(errs.map(errorString)).toEqual([
      'spec.finalizers[2]: Duplicate value: "a"',
      'spec.ports[2]: Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}',
    ]);
  });
});

const EMBEDDING = compileSchema({
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        template: {
          type: "object",
          "x-kubernetes-embedded-resource": true,
          "x-kubernetes-preserve-unknown-fields": true,
        },
      },
    },
  },
});

describe("embedded resources", () => {
  it("require apiVersion and kind, and keep their metadata through pruning (standard ObjectMeta only)", () => {
    const obj = {
      spec: { template: { metadata: { name: "x", labels: { a: "b" }, bogus: 1 }, data: { k: "v" } } },
    } as Record<string, unknown>;
    decodeCustomResource(obj, EMBEDDING);
    expect(obj).toEqual({ spec: { template: { metadata: { name: "x", labels: { a: "b" } }, data: { k: "v" } } } });
    expect(validateEmbeddedResources(EMBEDDING, obj).map(errorString)).toEqual([
      "spec.template.apiVersion: Required value: must not be empty",
      "spec.template.kind: Required value: must not be empty",
    ]);
  });
});

describe("nullable", () => {
  const NULLS = compileSchema({
    type: "object",
    properties: {
      a: { type: "string", nullable: true },
      b: { type: "string" },
      c: { type: "string", default: "dflt" },
      items: { type: "array", items: { type: "string" } },
    },
  });

  it("keeps null where nullable, drops it where not, defaults it where a default exists", () => {
    const obj: Record<string, unknown> = { a: null, b: null, c: null, items: ["x", null] };
    decodeCustomResource(obj, NULLS);
    expect(obj).toEqual({ a: null, c: "dflt", items: ["x", null] });
    expect(strings(validateSchema(obj, NULLS))).toEqual([
      'items[1]: Invalid value: "null": items[1] in body must be of type string: "null"',
    ]);
  });
});

describe("formats (kube-openapi strfmt)", () => {
  it.each([
    ["date-time", "2024-05-01T10:00:00Z", true],
    ["date-time", "2024-05-01T10:00:00.123456+02:00", true],
    ["date-time", "2024-05-01t10:00:00z", true],
    ["date-time", "2024-05-01T10:00:00", false],
    ["date-time", "2024-02-30T10:00:00Z", false],
    ["date-time", "2024-05-01 10:00:00Z", false],
    ["byte", "aGVsbG8=", true],
    ["byte", "aGVsbG8", false],
    ["byte", "", false],
    ["int64", "anything", true],
  ])("%s %j → %s", (format, value, ok) => {
    expect(formatValid(format, value)).toBe(ok);
  });
});
