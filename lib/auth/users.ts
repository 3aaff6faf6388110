// Users are created or refreshed on sign-in (demo or OIDC) — and only then: role, groups and Kubernetes user follow
// the latest sign-in, whose time (lastSignInAt) decides whether the user's API tokens still work.
import { getDb } from "@/lib/db/client";
import type { Role } from "./roles";

export interface UserInput {
  subject: string;
  name: string;
  email?: string;
  role: Role;
  /** Kubernetes groups (see Principal.groups). */
  groups: string[];
  /** Kubernetes user; omitted for demo users (impersonated by name). */
  kubeUser?: string;
}

export async function upsertUser(input: UserInput) {
  const db = await getDb();
  const now = new Date();
  const fields = { name: input.name, email: input.email, role: input.role, groups: JSON.stringify(input.groups), kubeUser: input.kubeUser ?? null };
  return db.user.upsert({
    where: { subject: input.subject },
    create: { subject: input.subject, ...fields, createdAt: now, lastSeenAt: now, lastSignInAt: now },
    update: { ...fields, lastSeenAt: now, lastSignInAt: now },
  });
}
