import { describe, expect, it } from "vitest";
import { item, scenario } from "./fixtures/mutate";
import { VARIANT_CASES } from "./fixtures/variant-cases";

describe("table-driven variants", () => {
  it.each(VARIANT_CASES)("$name → $id is $status", ({ file, edit, id, status, text }) => {
    const s = scenario(file);
    edit(s);
    const it_ = item(s.evaluate(), id);
    expect(it_.status, `${it_.message}\n${JSON.stringify(it_.evidence)}`).toBe(status);
    if (text) expect(`${it_.message} ${it_.evidence.map((e) => e.text).join(" ")}`).toContain(text);
  });
});
