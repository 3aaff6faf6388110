// Minimal OpenAPI v3 documents: per group/version, one PATCH operation per kind that advertises the
// fieldValidation/fieldManager/dryRun query parameters. That is what kubectl's query-param verifier looks for,
// so `kubectl apply/create -f` validates server-side instead of needing /openapi/v2 schemas (which we don't
// serve: 404). No schemas are published, so `kubectl explain` is not supported.
import { createHash } from "node:crypto";
import { ALL_TYPES } from "../registrations";

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const rt of ALL_TYPES) seen.set(gvPath(rt.group, rt.version), { group: rt.group, version: rt.version });
  return [...seen.values()];
}

const QUERY_PARAMS = ["fieldValidation", "fieldManager", "dryRun", "force"].map((name) => ({
  name,
  in: "query",
  schema: { type: "string" },
  description: name,
}));

export function openApiV3Document(group: string, version: string): Record<string, unknown> | undefined {
  const types = ALL_TYPES.filter((rt) => rt.group === group && rt.version === version && rt.verbs.includes("patch"));
  if (types.length === 0 && !groupVersions().some((gv) => gv.group === group && gv.version === version))
    return undefined;
  const paths: Record<string, unknown> = {};
  for (const rt of types) {
    const prefix = `/${gvPath(group, version)}`;
    const path = rt.namespaced
      ? `${prefix}/namespaces/{namespace}/${rt.plural}/{name}`
      : `${prefix}/${rt.plural}/{name}`;
    paths[path] = {
      patch: {
        operationId: `patch${rt.kind}`,
        parameters: QUERY_PARAMS,
        responses: { "200": { description: "OK" } },
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": { group, version, kind: rt.kind },
      },
    };
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes (fluxtower demo cluster)", version: "v1.32.0" },
    paths,
    components: { schemas: {} },
  };
}

export function openApiV3Root(): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions()) {
    const doc = JSON.stringify(openApiV3Document(gv.group, gv.version));
    const hash = createHash("sha256").update(doc).digest("hex").slice(0, 32).toUpperCase();
    paths[gvPath(gv.group, gv.version)] = {
      serverRelativeURL: `/openapi/v3/${gvPath(gv.group, gv.version)}?hash=${hash}`,
    };
  }
  return { paths };
}

/** Serves /openapi/v3 and /openapi/v3/{api/v1|apis/g/v}; undefined = 404. */
export function openApi(pathname: string): Record<string, unknown> | undefined {
  if (pathname === "/openapi/v3" || pathname === "/openapi/v3/") return openApiV3Root();
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(pathname);
  if (!m) return undefined;
  return m[1] !== undefined ? openApiV3Document("", m[1]) : openApiV3Document(m[2] as string, m[3] as string);
}
