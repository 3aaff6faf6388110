// field.Error as kube-apiserver builds and prints it (k8s.io/apimachinery v0.32 pkg/util/validation/field/errors.go)
// and the 422 Invalid Status made from a list of them (pkg/api/errors NewInvalid: the message aggregates the
// distinct errors, in brackets when there are several; every error becomes a cause).
import { StatusError } from "../store/errors";
import { isPlainObject } from "../store/object-utils";

export type FieldErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError"
  | "FieldValueTypeInvalid";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** Marks a bad value that is not printed (field.OmitValueType). */
export const OMIT_VALUE = Symbol("omitValue");

export interface FieldError {
  type: FieldErrorType;
  /** field.Path.String(): "spec.chart", "status.conditions[0].status", "<nil>" for the nil path. */
  field: string;
  badValue: unknown;
  detail: string;
}

/** Go's %q for a string (strconv.Quote); JSON quoting differs only for rare control characters. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Go's %#v of a decoded JSON value (map[string]interface {}, []interface {}, string, int64, float64, bool, nil). */
function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(", ")}}`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(v[k])}`).join(", ")}}`;
  }
  return String(v);
}

export function errorBody(e: FieldError): string {
  let s: string;
  const text = TYPE_TEXT[e.type];
  if (
    e.type === "FieldValueRequired" ||
    e.type === "FieldValueForbidden" ||
    e.type === "FieldValueTooLong" ||
    e.type === "InternalError" ||
    e.badValue === OMIT_VALUE
  ) {
    s = text;
  } else {
    const v = e.badValue === undefined || e.badValue === null ? "null" : e.badValue;
    if (typeof v === "number" || typeof v === "boolean") s = `${text}: ${String(v)}`;
    else if (typeof v === "string") s = `${text}: ${goQuote(v)}`;
    else s = `${text}: ${goSyntax(v)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

export const fieldErr = {
  required: (field: string, detail = ""): FieldError => ({ type: "FieldValueRequired", field, badValue: "", detail }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: "FieldValueInvalid",
    field,
    badValue: value,
    detail,
  }),
  typeInvalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: "FieldValueTypeInvalid",
    field,
    badValue: value,
    detail,
  }),
  notSupported: (field: string, value: unknown, valid: string[]): FieldError => ({
    type: "FieldValueNotSupported",
    field,
    badValue: value,
    detail: valid.length ? `supported values: ${valid.map(goQuote).join(", ")}` : "",
  }),
  tooLong: (field: string, max: number): FieldError => ({
    type: "FieldValueTooLong",
    field,
    badValue: "<value omitted>",
    detail: max >= 0 ? `may not be more than ${max} bytes` : "value is too long",
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: "FieldValueTooMany",
    field,
    badValue: actual >= 0 ? actual : OMIT_VALUE,
    detail: max >= 0 ? `must have at most ${max} items` : "has too many items",
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    type: "FieldValueDuplicate",
    field,
    badValue: value,
    detail: "",
  }),
  forbidden: (field: string, detail: string): FieldError => ({
    type: "FieldValueForbidden",
    field,
    badValue: "",
    detail,
  }),
};

/** errs.ToAggregate().Error(): distinct messages, bracketed when more than one. */
export function aggregateMessage(errs: FieldError[]): string {
  const seen = new Set<string>();
  for (const e of errs) seen.add(errorString(e));
  const msgs = [...seen];
  return msgs.length === 1 ? (msgs[0] as string) : `[${msgs.join(", ")}]`;
}

/** apierrors.NewInvalid(GroupKind, name, errs). */
export function invalidStatus(group: string, kind: string, name: string, errs: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const message =
    errs.length === 0
      ? `${qualifiedKind} "${name}" is invalid`
      : `${qualifiedKind} ${goQuote(name)} is invalid: ${aggregateMessage(errs)}`;
  return new StatusError(422, "Invalid", message, {
    name,
    group,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

/** hasBlockingErr (apiextensions-apiserver pkg/registry/customresource/strategy.go): CEL rules are not run then. */
export function blockingError(errs: FieldError[]): FieldError | undefined {
  const blocking = errs.some(
    (e) =>
      e.type === "FieldValueNotSupported" ||
      e.type === "FieldValueRequired" ||
      e.type === "FieldValueTooLong" ||
      e.type === "FieldValueTooMany" ||
      e.type === "FieldValueTypeInvalid",
  );
  if (!blocking) return undefined;
  return fieldErr.invalid(
    "<nil>",
    null,
    "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
  );
}
