// x-kubernetes-validations: CEL rules evaluated with @bufbuild/cel, walked and reported as kube-apiserver does
// (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go): a rule that does not evaluate to true is
// `field.Invalid(path, "<schema type>", message)` (or Forbidden/Required/Duplicate per `reason`), at the rule's
// node plus its `fieldPath`; `messageExpression` replaces the message. Transition rules (using `oldSelf`) only run
// on update where the value has an old value. With ratcheting, a failing rule that does not use oldSelf is ignored
// when its value equals the old one. Programs are compiled once per schema node, on first use.
import { celEnv, isCelError, parse, plan, type CelEnv, type CelInput, type CelResult } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { deepEqual, isPlainObject } from "../store/object-utils";
import { correlatedItem, correlatedKey, NO_OLD, type Old } from "./correlate";
import { fieldErr, type FieldError } from "./field-error";
import type { RuleSpec, SchemaNode } from "./schema-node";

type Program = (ctx?: Record<string, CelInput>) => CelResult;

interface CompiledRule {
  spec: RuleSpec;
  program: Program | undefined;
  message: Program | undefined;
  usesOldSelf: boolean;
  compileError?: string;
}

let env: CelEnv | undefined;
const compiled = new WeakMap<SchemaNode, CompiledRule[]>();
const subtreeHasRules = new WeakMap<SchemaNode, boolean>();

function compileOne(source: string): Program {
  env ??= celEnv({ funcs: strings });
  return plan(env, parse(source));
}

/** The node's rules, compiled on first use. */
export function compiledRules(node: SchemaNode): CompiledRule[] {
  let rules = compiled.get(node);
  if (rules) return rules;
  rules = node.rules.map((spec) => {
    const rule: CompiledRule = {
      spec,
      program: undefined,
      message: undefined,
      usesOldSelf: /\boldSelf\b/.test(spec.rule),
    };
    try {
      rule.program = compileOne(spec.rule);
      if (spec.messageExpression) rule.message = compileOne(spec.messageExpression);
    } catch (err) {
      rule.compileError = err instanceof Error ? err.message : String(err);
    }
    return rule;
  });
  compiled.set(node, rules);
  return rules;
}

/** True when the schema (or any schema below it) has x-kubernetes-validations. */
export function hasRules(node: SchemaNode | undefined): boolean {
  if (!node) return false;
  const cached = subtreeHasRules.get(node);
  if (cached !== undefined) return cached;
  subtreeHasRules.set(node, false); // schemas are trees; this only guards against accidental cycles
  const result =
    node.rules.length > 0 ||
    hasRules(node.items) ||
    hasRules(node.additionalProperties) ||
    [...(node.properties?.values() ?? [])].some(hasRules) ||
    (node.allOf ?? []).some(hasRules);
  subtreeHasRules.set(node, result);
  return result;
}

/** JSON value → CEL value: integers where the apiserver decodes int64 (integer, int-or-string, untyped), lists, maps. */
function toCel(value: unknown, node: SchemaNode | undefined): CelInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    const asInt = !node || node.type === "integer" || node.intOrString || node.type === "";
    return asInt && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => toCel(v, node?.items));
  if (isPlainObject(value)) {
    const out: Record<string, CelInput> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toCel(v, node?.properties?.get(k) ?? node?.additionalProperties);
    }
    return out;
  }
  return value as CelInput;
}

function ruleText(spec: RuleSpec): string {
  return (spec.message ?? "").trim() || spec.rule.trim();
}

function failure(path: string, type: string, spec: RuleSpec, message: string): FieldError {
  switch (spec.reason) {
    case "FieldValueForbidden":
      return fieldErr.forbidden(path, message);
    case "FieldValueRequired":
      return fieldErr.required(path, message);
    case "FieldValueDuplicate":
      return fieldErr.duplicate(path, type);
    default:
      return fieldErr.invalid(path, type, message);
  }
}

function child(path: string, name: string): string {
  return path === "<nil>" ? name : `${path}.${name}`;
}

function evaluateRules(node: SchemaNode, value: unknown, old: Old, path: string, ratchet: boolean, errs: FieldError[]) {
  const rules = compiledRules(node);
  if (rules.length === 0) return;
  const type = node.type || "object";
  const self = toCel(value, node);
  let oldSelf: CelInput | undefined;
  for (const rule of rules) {
    if (rule.compileError || !rule.program) {
      errs.push(fieldErr.invalid(path, type, `rule compile error: ${rule.compileError ?? "not compiled"}`));
      continue;
    }
    if (rule.usesOldSelf && old === NO_OLD) continue;
    const vars: Record<string, CelInput> = { self };
    if (rule.usesOldSelf) vars.oldSelf = oldSelf ??= toCel(old, node);
    const result = rule.program(vars);
    if (isCelError(result)) {
      const why = result.message.startsWith("no such overload")
        ? `'${result.message}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleText(rule.spec)}`
        : `${result.message} evaluating rule: ${ruleText(rule.spec)}`;
      errs.push(fieldErr.invalid(path, type, why));
      continue;
    }
    if (result === true) continue;
    if (!rule.usesOldSelf && ratchet && old !== NO_OLD && deepEqual(value, old)) continue;
    const at = rule.spec.fieldPath ? child(path, rule.spec.fieldPath.replace(/^\./, "")) : path;
    let message = (rule.spec.message ?? "").trim() || `failed rule: ${ruleText(rule.spec)}`;
    if (rule.message) {
      const m = rule.message({ self, ...(rule.usesOldSelf && oldSelf !== undefined ? { oldSelf } : {}) });
      if (typeof m === "string" && m.trim() && !m.includes("\n")) message = m.trim();
    }
    errs.push(failure(at, type, rule.spec, message));
  }
}

function walk(node: SchemaNode, value: unknown, old: Old, path: string, ratchet: boolean, errs: FieldError[]): void {
  if (value === null || value === undefined || !hasRules(node)) return;
  evaluateRules(node, value, old, path, ratchet, errs);
  for (const sub of node.allOf ?? []) evaluateRules(sub, value, old, path, ratchet, errs);
  if (Array.isArray(value)) {
    if (!node.items) return;
    value.forEach((item, i) =>
      walk(node.items as SchemaNode, item, correlatedItem(node, old, item), `${path}[${i}]`, ratchet, errs),
    );
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const prop = node.properties?.get(k);
    if (prop) walk(prop, v, correlatedKey(old, k), child(path, k), ratchet, errs);
    else if (node.additionalProperties) {
      const oldV = node.mapType === "atomic" ? NO_OLD : correlatedKey(old, k);
      walk(node.additionalProperties, v, oldV, `${path}[${k}]`, ratchet, errs);
    }
  }
}

/** Runs every rule of the object's schema. `old` (update) enables transition rules; `ratchet` ignores unchanged values. */
export function validateRules(root: SchemaNode, obj: unknown, old: Old = NO_OLD, ratchet = false): FieldError[] {
  const errs: FieldError[] = [];
  walk(root, obj, old, "<nil>", ratchet, errs);
  return errs;
}
