// 401/403 Status errors with the same wording as the Kubernetes API server.
import { StatusError } from "../store/errors";
import type { AccessAttributes } from "./policy";

export function unauthorized(): StatusError {
  return new StatusError(401, "Unauthorized", "Unauthorized");
}

/** `helmreleases.helm.toolkit.fluxcd.io "airflow" is forbidden: User "viewer" cannot patch resource "helmreleases" in API group "helm.toolkit.fluxcd.io" in the namespace "airflow"` */
export function forbidden(user: string, attrs: AccessAttributes): StatusError {
  const qualified = attrs.group ? `${attrs.resource}.${attrs.group}` : attrs.resource;
  const subject = attrs.name ? `${qualified} "${attrs.name}"` : qualified;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : "at the cluster scope";
  const message = `${subject} is forbidden: User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}`;
  const details: { group: string; kind: string; name?: string } = { group: attrs.group, kind: attrs.resource };
  if (attrs.name) details.name = attrs.name;
  return new StatusError(403, "Forbidden", message, details);
}
