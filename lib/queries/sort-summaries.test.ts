import { describe, expect, it } from "vitest";
import { summary } from "./fixtures/summaries";
import { sortSummaries } from "./sort-summaries";

const items = [
  summary("helmreleases", "b", "web", "Healthy", { revision: "1.10.0", lastReconciledAt: "2024-05-01T10:00:00Z", createdAt: "2024-01-01T00:00:00Z" }),
  summary("helmreleases", "a", "zeta", "Degraded", { revision: "1.9.0", lastReconciledAt: "2024-05-02T10:00:00Z", createdAt: "2024-03-01T00:00:00Z" }),
  summary("helmreleases", "c", "alpha", "Suspended", { revision: null, lastReconciledAt: null, createdAt: null }),
  summary("helmreleases", "a", "mid", "Progressing", { revision: "1.2.0", lastReconciledAt: "2024-04-01T10:00:00Z", createdAt: "2024-02-01T00:00:00Z" }),
];
const names = (xs: typeof items) => xs.map((s) => s.name);

describe("sortSummaries", () => {
  it.each([
    ["name", "asc", ["alpha", "mid", "web", "zeta"]],
    ["name", "desc", ["zeta", "web", "mid", "alpha"]],
    ["namespace", "asc", ["mid", "zeta", "web", "alpha"]],
    ["health", "asc", ["zeta", "mid", "alpha", "web"]],
    ["revision", "asc", ["alpha", "mid", "zeta", "web"]],
    ["lastReconciledAt", "asc", ["zeta", "web", "mid", "alpha"]],
    ["age", "asc", ["zeta", "mid", "web", "alpha"]],
  ] as const)("%s %s", (key, dir, expected) => {
    expect(names(sortSummaries(items, key, dir))).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const before = names(items);
    sortSummaries(items, "health", "desc");
    expect(names(items)).toEqual(before);
  });

  it("puts stalled before other Degraded", () => {
    const a = summary("helmreleases", "x", "a", "Degraded");
    const b = summary("helmreleases", "x", "b", "Degraded", { health: { ...a.health, stalled: true } });
    expect(names(sortSummaries([a, b], "health", "asc"))).toEqual(["b", "a"]);
  });
});
