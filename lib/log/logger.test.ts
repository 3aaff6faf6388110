// Every string of a log argument is masked, in fields and errors too (S12: a leaked credential in `err` was written).
import { describe, expect, it } from "vitest";
import { maskTokens, scrub } from "./logger";

const TOKEN = "ft_q7Hc2XxVb81mNwQeLrTs0PzYk";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXZhbHVl";

describe("log masking", () => {
  it.each([
    ["a bearer header quoted in text", `request failed: Authorization: Bearer ${JWT}`],
    ["an API token", `token ${TOKEN} refused`],
    ["a bare JWT", `kube said ${JWT}`],
  ])("masks %s", (_, text) => {
    const out = maskTokens(text);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(JWT);
  });

  it("masks strings inside objects, arrays and errors", () => {
    const err = new Error(`GET /api failed with Bearer ${JWT}`);
    const out = JSON.stringify(scrub({ err, nested: { list: [`x ${TOKEN}`] }, at: new Date(0) }));
    expect(out).not.toContain(JWT);
    expect(out).not.toContain(TOKEN);
    expect(out).toContain("GET /api failed");
    expect(out).toContain("1970-01-01");
  });
});
