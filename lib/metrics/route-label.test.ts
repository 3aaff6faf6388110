import { describe, expect, it } from "vitest";
import { routeLabeler, type RoutesManifest } from "./route-label";

// Entries as `next build` (16.4) writes them to <distDir>/routes-manifest.json (routeKeys/namedRegex omitted).
const manifest: RoutesManifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/api/readyz", regex: "^/api/readyz(?:/)?$" },
    { page: "/api/v1/overview", regex: "^/api/v1/overview(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/v1/clusters/[cluster]/actions", regex: "^/api/v1/clusters/([^/]+?)/actions(?:/)?$" },
    { page: "/api/v1/clusters/[cluster]/checklists/[namespace]/[release]", regex: "^/api/v1/clusters/([^/]+?)/checklists/([^/]+?)/([^/]+?)(?:/)?$" },
  ],
};

describe("routeLabeler", () => {
  const label = routeLabeler(manifest);
  it.each([
    ["/", "/"],
    ["/api/readyz", "/api/readyz"],
    ["/api/v1/overview/", "/api/v1/overview"],
    ["/api/v1/clusters/demo/actions", "/api/v1/clusters/[cluster]/actions"],
    ["/api/v1/clusters/prod-eu/checklists/airflow/airflow", "/api/v1/clusters/[cluster]/checklists/[namespace]/[release]"],
    ["/_next/static/chunks/app-123.js", "/_next/static"],
    ["/_next/image", "/_next"],
    ["/metrics", "other"],
    ["/api/v1/clusters/demo/actions/extra", "other"],
  ])("%s → %s", (path, route) => expect(label(path)).toBe(route));

  it("labels everything 'other' (or a Next internal) without a manifest", () => {
    expect(routeLabeler({})("/api/v1/overview")).toBe("other");
  });
});
