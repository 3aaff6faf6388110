// Impersonation headers (Impersonate-User, repeated Impersonate-Group; Impersonate-Uid is accepted and ignored).
// Only identities allowed to `impersonate` users/groups may use them; the impersonated identity is then the one
// that is authorized.
import { badRequest } from "../store/errors";
import { AUTHENTICATED_GROUP, type Identity, type RequestIdentity } from "./identity";
import type { Policy } from "./policy";
import { forbidden } from "./forbidden";

export interface ImpersonationHeaders {
  user?: string;
  groups: string[];
}

/** Reads the headers from node's headersDistinct (repeated headers stay separate). */
export function readImpersonationHeaders(headers: Record<string, string[] | undefined>): ImpersonationHeaders {
  const user = headers["impersonate-user"]?.[0];
  const groups = (headers["impersonate-group"] ?? []).filter((g) => g.length > 0);
  return user !== undefined ? { user, groups } : { groups };
}

export function resolveIdentity(authenticated: Identity, imp: ImpersonationHeaders, policy: Policy): RequestIdentity {
  if (imp.user === undefined) {
    if (imp.groups.length > 0) throw badRequest("requested impersonation of groups without impersonating a user");
    return { authenticated, effective: authenticated, impersonated: false };
  }
  const userCheck = { verb: "impersonate", group: "", resource: "users", name: imp.user };
  if (!policy.authorize(authenticated, userCheck).allowed) throw forbidden(authenticated.user, userCheck);
  for (const group of imp.groups) {
    const groupCheck = { verb: "impersonate", group: "", resource: "groups", name: group };
    if (!policy.authorize(authenticated, groupCheck).allowed) throw forbidden(authenticated.user, groupCheck);
  }
  const groups = [...new Set([...imp.groups, AUTHENTICATED_GROUP])];
  return { authenticated, effective: { user: imp.user, groups }, impersonated: true };
}
