// The Kubernetes permissions a rotation needs, checked up front as the signed-in user (SubjectAccessReviews;
// the API server checks again on every impersonated write). Missing ones are named in the refusal.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/k8s/access";
import type { Consumer } from "./target";

export interface Need {
  verb: string;
  group: string;
  resource: string;
  name?: string;
  why: string;
}

export function neededPermissions(input: { secret: string; eso: string | null; pushSecrets?: boolean; consumers: Consumer[]; jobs: boolean }): Need[] {
  const needs: Need[] = [
    { verb: "update", group: "", resource: "secrets", name: input.secret, why: `update Secret ${input.secret}` },
    { verb: "get", group: "", resource: "secrets", why: "read Secrets (the current value, backups)" },
    { verb: "create", group: "", resource: "secrets", why: `create the backup and staged Secrets${input.pushSecrets ? " and the PushSecret's source Secret" : ""}` },
    { verb: "patch", group: "", resource: "secrets", why: "annotate and restore Secrets" },
    { verb: "delete", group: "", resource: "secrets", why: `remove the staged and expired backup Secrets${input.pushSecrets ? " and the PushSecret's source Secret" : ""}` },
  ];
  if (input.pushSecrets) {
    for (const verb of ["create", "get", "delete"]) needs.push({ verb, group: "external-secrets.io", resource: "pushsecrets", why: `${verb} the PushSecret that writes the new value to the store` });
  }
  if (input.eso) needs.push({ verb: "patch", group: "external-secrets.io", resource: "externalsecrets", name: input.eso, why: `force-sync ExternalSecret ${input.eso}` });
  for (const c of input.consumers.filter((x) => x.restartable)) {
    needs.push({ verb: "patch", group: "apps", resource: c.resource, name: c.name, why: `restart ${c.kind} ${c.name}` });
  }
  if (input.jobs) needs.push({ verb: "create", group: "batch", resource: "jobs", why: "run the rotation Job" }, { verb: "get", group: "batch", resource: "jobs", why: "follow the rotation Job" });
  return needs;
}

/** The reasons the user lacks, empty when every permission is granted. */
export async function missingPermissions(cluster: string, user: Principal, namespace: string, needs: Need[]): Promise<string[]> {
  const answers = await Promise.all(needs.map(async (n) => ((await can(cluster, user, { verb: n.verb, group: n.group, resource: n.resource, namespace, name: n.name })) ? null : `${n.verb} ${n.resource}${n.name ? ` ${n.name}` : ""} (to ${n.why})`)));
  return answers.filter((a): a is string => a !== null);
}
