// Demo mode: three local users whose password comes from FLUXTOWER_DEMO_PASSWORD (default "demo").
// Only available when FLUXTOWER_DEMO_MODE is on and every configured cluster is on loopback (see lib/auth/mode.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import type { Role } from "./roles";

export interface DemoUser {
  username: string;
  role: Role;
  groups: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", role: "admin", groups: ["fluxtower:admins"] },
  { username: "operator", role: "operator", groups: ["fluxtower:operators"] },
  { username: "viewer", role: "viewer", groups: ["fluxtower:viewers"] },
];

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Returns the demo user when both username and password match. Always does the same work whatever is wrong,
 * so the caller cannot tell which part failed.
 */
export function verifyDemoCredentials(username: string, password: string, expectedPassword: string): DemoUser | null {
  const user = DEMO_USERS.find((u) => u.username === username);
  const passwordOk = timingSafeEqual(digest(password), digest(expectedPassword));
  return user && passwordOk ? user : null;
}
