// Server components: require a signed-in user (redirect to sign-in otherwise) and optionally a role.
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { withoutStaleDemo } from "./authenticate";
import { sessionCookieName } from "./cookies";
import type { Principal } from "./principal";
import { roleAtLeast, type Role } from "./roles";
import { principalFromSession } from "./sessions";

export async function currentUser(): Promise<Principal | null> {
  const value = (await cookies()).get(sessionCookieName())?.value;
  return withoutStaleDemo(await principalFromSession(value));
}

export async function requirePageUser(min: Role = "viewer"): Promise<Principal> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (!roleAtLeast(user.role, min)) redirect("/?denied=1");
  return user;
}
