// Users are created or refreshed on sign-in (demo or OIDC); role and groups follow the latest sign-in.
import { getDb } from "@/lib/db/client";
import type { Role } from "./roles";

export async function upsertUser(input: { subject: string; name: string; email?: string; role: Role; groups: string[] }) {
  const db = await getDb();
  const now = new Date();
  return db.user.upsert({
    where: { subject: input.subject },
    create: {
      subject: input.subject,
      name: input.name,
      email: input.email,
      role: input.role,
      groups: JSON.stringify(input.groups),
      createdAt: now,
      lastSeenAt: now,
    },
    update: { name: input.name, email: input.email, role: input.role, groups: JSON.stringify(input.groups), lastSeenAt: now },
  });
}
