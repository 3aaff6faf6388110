import { describe, expect, it } from "vitest";
import type { ChecklistItemView } from "@/lib/checklist-service/api-types";
import type { ItemStatus, Part } from "@/lib/checklist/types";
import { groupByPart, matchesFilter, partHeading } from "./item-filters";

function item(id: string, part: Part, status: ItemStatus, partTitle = `title ${part}`): ChecklistItemView {
  return {
    id,
    part,
    partTitle,
    status,
    autoStatus: status,
    title: id,
    why: "",
    mode: "auto",
    severity: "high",
    blocking: true,
    message: "",
    evidence: [],
    version: 1,
  };
}

describe("checklist item grouping and filters", () => {
  const items = [
    item("post.a", "post", "pass", "Post-deployment"),
    item("ha.a", "6", "fail", "High availability"),
    item("pre.a", "pre", "warn", "Pre-deployment"),
    item("ha.b", "6", "waived"),
  ];

  it("groups by part in display order: pre-deployment first, parts 1–7, post-deployment last", () => {
    const groups = groupByPart(items);
    expect(groups.map((g) => g.part)).toEqual(["pre", "6", "post"]);
    expect(groups[1].items.map((i) => i.id)).toEqual(["ha.a", "ha.b"]);
    expect(groups[1].title).toBe("High availability");
  });

  it("names numbered parts 'Part N — title' and the pre/post parts by their title", () => {
    expect(partHeading({ part: "6", title: "High availability" })).toBe("Part 6 — High availability");
    expect(partHeading({ part: "pre", title: "Pre-deployment" })).toBe("Pre-deployment");
  });

  it("'needs action' keeps fail, warn, needs-attestation and expired; 'done' the rest", () => {
    const statuses: ItemStatus[] = [
      "pass",
      "fail",
      "warn",
      "needs-attestation",
      "not-applicable",
      "attested",
      "waived",
      "expired",
    ];
    const all = statuses.map((s) => item(s, "1", s));
    expect(all.filter((i) => matchesFilter(i, "action")).map((i) => i.status)).toEqual([
      "fail",
      "warn",
      "needs-attestation",
      "expired",
    ]);
    expect(all.filter((i) => matchesFilter(i, "done")).map((i) => i.status)).toEqual([
      "pass",
      "not-applicable",
      "attested",
      "waived",
    ]);
    expect(all.filter((i) => matchesFilter(i, "all"))).toHaveLength(statuses.length);
  });
});
