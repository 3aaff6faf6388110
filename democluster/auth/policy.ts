// Loads democluster/auth/policy.yaml (validated with zod) and answers "may this identity do this?" the way
// Kubernetes RBAC does, with a reason string for SubjectAccessReviews.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Identity } from "./identity";

const ruleSchema = z.object({
  apiGroups: z.array(z.string()).min(1),
  resources: z.array(z.string()).min(1),
  verbs: z.array(z.string()).min(1),
  resourceNames: z.array(z.string()).optional(),
});

const policySchema = z.object({
  roles: z.record(z.string(), z.object({ includes: z.array(z.string()).optional(), rules: z.array(ruleSchema) })),
  bindings: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      namespaces: z.array(z.string()).optional(),
      subjects: z.array(z.object({ kind: z.enum(["User", "Group"]), name: z.string() })).min(1),
    }),
  ),
});

export type PolicyRule = z.infer<typeof ruleSchema>;
export type PolicyDocument = z.infer<typeof policySchema>;

/** What is being asked (like authorization.k8s.io ResourceAttributes). */
export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessDecision {
  allowed: boolean;
  reason: string;
}

export const DEFAULT_POLICY_PATH = path.resolve(__dirname, "policy.yaml");

export function loadPolicy(file: string = DEFAULT_POLICY_PATH): Policy {
  const parsed = policySchema.safeParse(parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`invalid RBAC policy ${file}: ${parsed.error.message}`);
  return new Policy(parsed.data);
}

function matches(list: string[], value: string): boolean {
  return list.includes("*") || list.includes(value);
}

export class Policy {
  private readonly rulesByRole = new Map<string, PolicyRule[]>();

  constructor(readonly doc: PolicyDocument) {
    for (const name of Object.keys(doc.roles)) this.rulesByRole.set(name, this.expand(name, new Set()));
    for (const b of doc.bindings) {
      if (!this.rulesByRole.has(b.role)) throw new Error(`RBAC binding "${b.name}" refers to unknown role "${b.role}"`);
    }
  }

  authorize(identity: Identity, attrs: AccessAttributes): AccessDecision {
    const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    for (const b of this.doc.bindings) {
      const subject = b.subjects.find(
        (s) =>
          (s.kind === "User" && s.name === identity.user) || (s.kind === "Group" && identity.groups.includes(s.name)),
      );
      if (!subject) continue;
      if (b.namespaces && (attrs.namespace === undefined || !b.namespaces.includes(attrs.namespace))) continue;
      const rules = this.rulesByRole.get(b.role) ?? [];
      const hit = rules.some(
        (r) =>
          matches(r.apiGroups, attrs.group) &&
          matches(r.resources, resource) &&
          matches(r.verbs, attrs.verb) &&
          (!r.resourceNames || (attrs.name !== undefined && r.resourceNames.includes(attrs.name))),
      );
      if (hit) {
        const scope = b.namespaces ? `RoleBinding "${b.name}/${attrs.namespace}"` : `ClusterRoleBinding "${b.name}"`;
        return {
          allowed: true,
          reason: `RBAC: allowed by ${scope} of ClusterRole "${b.role}" to ${subject.kind} "${subject.name}"`,
        };
      }
    }
    return { allowed: false, reason: "" };
  }

  private expand(role: string, seen: Set<string>): PolicyRule[] {
    if (seen.has(role)) throw new Error(`RBAC role "${role}" includes itself`);
    const def = this.doc.roles[role];
    if (!def) throw new Error(`RBAC role "${role}" is not defined`);
    seen.add(role);
    const rules = [...def.rules];
    for (const inc of def.includes ?? []) rules.push(...this.expand(inc, seen));
    seen.delete(role);
    return rules;
  }
}
