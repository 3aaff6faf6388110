// The `route` label of the HTTP metrics: the Next.js route pattern a request path belongs to (e.g.
// `/api/v1/clusters/[cluster]/resources`), never the raw path, so label values stay bounded. Pure: the caller reads
// the build's routes-manifest.json (its `staticRoutes` and `dynamicRoutes`, each `{ page, regex }`).

export interface RoutesManifest {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
}

export type RouteLabeler = (pathname: string) => string;

/** Builds the labeler; paths that match no page are "/_next/static" (assets), "/_next" (other internals) or "other". */
export function routeLabeler(manifest: RoutesManifest): RouteLabeler {
  const statics = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, re: new RegExp(r.regex) }));
  return (pathname) => {
    const p = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (statics.has(p)) return p;
    if (p.startsWith("/_next/static/")) return "/_next/static";
    if (p.startsWith("/_next/")) return "/_next";
    for (const d of dynamics) if (d.re.test(p)) return d.page;
    return "other";
  };
}
