// Impersonation headers, checked like the Kubernetes API server does (k8s.io/apiserver
// pkg/endpoints/filters/impersonation.go): Impersonate-User needs `impersonate` on `users` (or on the
// `serviceaccounts` object for a "system:serviceaccount:<ns>:<name>" user), each Impersonate-Group line on that
// `groups` name, Impersonate-Uid on `uids` and each Impersonate-Extra-<key> on `userextras/<key>` (both in API group
// authentication.k8s.io). Only then is the impersonated identity the one that is authorized.
import { badRequest } from "../store/errors";
import { AUTHENTICATED_GROUP, type Identity, type RequestIdentity } from "./identity";
import type { AccessAttributes, Policy } from "./policy";
import { forbidden } from "./forbidden";

export interface ImpersonationHeaders {
  user?: string;
  /** One entry per Impersonate-Group header line (repeated headers stay separate; a comma does not split). */
  groups: string[];
  uid?: string;
  /** Impersonate-Extra-<key> values by lower-case key. */
  extra?: Record<string, string[]>;
}

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;
const EXTRA_PREFIX = "impersonate-extra-";

/** Reads the headers from node's headersDistinct (repeated headers stay separate). */
export function readImpersonationHeaders(headers: Record<string, string[] | undefined>): ImpersonationHeaders {
  const out: ImpersonationHeaders = { groups: (headers["impersonate-group"] ?? []).filter((g) => g.length > 0) };
  const user = headers["impersonate-user"]?.[0];
  if (user !== undefined) out.user = user;
  const uid = headers["impersonate-uid"]?.[0];
  if (uid !== undefined) out.uid = uid;
  for (const [name, values] of Object.entries(headers)) {
    if (!name.startsWith(EXTRA_PREFIX) || !values) continue;
    out.extra ??= {};
    out.extra[decodeURIComponent(name.slice(EXTRA_PREFIX.length))] = values;
  }
  return out;
}

/** True when any Impersonate-* header was sent. */
export function requestsImpersonation(imp: ImpersonationHeaders): boolean {
  return imp.user !== undefined || imp.groups.length > 0 || imp.uid !== undefined || imp.extra !== undefined;
}

/** What `impersonate` must be allowed on, for each requested header. */
function impersonationChecks(imp: ImpersonationHeaders & { user: string }): AccessAttributes[] {
  const sa = SERVICE_ACCOUNT.exec(imp.user);
  const checks: AccessAttributes[] = [
    sa
      ? { verb: "impersonate", group: "", resource: "serviceaccounts", namespace: sa[1] as string, name: sa[2] as string }
      : { verb: "impersonate", group: "", resource: "users", name: imp.user },
  ];
  for (const group of imp.groups) checks.push({ verb: "impersonate", group: "", resource: "groups", name: group });
  if (imp.uid !== undefined) checks.push({ verb: "impersonate", group: "authentication.k8s.io", resource: "uids", name: imp.uid });
  for (const [key, values] of Object.entries(imp.extra ?? {})) {
    for (const value of values) {
      checks.push({ verb: "impersonate", group: "authentication.k8s.io", resource: "userextras", subresource: key, name: value });
    }
  }
  return checks;
}

export function resolveIdentity(authenticated: Identity, imp: ImpersonationHeaders, policy: Policy): RequestIdentity {
  if (imp.user === undefined) {
    if (requestsImpersonation(imp)) throw badRequest("requested impersonation of groups, uid or extras without impersonating a user");
    return { authenticated, effective: authenticated, impersonated: false };
  }
  for (const check of impersonationChecks({ ...imp, user: imp.user })) {
    if (!policy.authorize(authenticated, check).allowed) throw forbidden(authenticated.user, check);
  }
  const groups = [...new Set([...imp.groups, AUTHENTICATED_GROUP])];
  return { authenticated, effective: { user: imp.user, groups }, impersonated: true };
}
