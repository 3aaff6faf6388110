import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertSameOrigin } from "./origin";

const publicUrl = new URL("https://fluxtower.example");

function check(headers: Record<string, string>): string {
  try {
    assertSameOrigin(new Request("https://fluxtower.example/api/v1/x", { method: "POST", headers }), publicUrl);
    return "allowed";
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.message}` : String(err);
  }
}

describe("assertSameOrigin", () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ["same origin", { origin: "https://fluxtower.example", "sec-fetch-site": "same-origin" }, /^allowed$/],
    ["same origin without fetch metadata", { origin: "https://fluxtower.example" }, /^allowed$/],
    ["no Origin", {}, /^403 Origin header required/],
    ["foreign Origin", { origin: "https://evil.example" }, /^403 Cross-origin/],
    ["sibling subdomain", { origin: "https://evil.fluxtower.example", "sec-fetch-site": "same-site" }, /^403 Cross-site/],
    ["cross-site fetch metadata", { origin: "https://fluxtower.example", "sec-fetch-site": "cross-site" }, /^403 Cross-site/],
    ["Origin null", { origin: "null" }, /^403 Cross-origin/],
    ["http scheme", { origin: "http://fluxtower.example" }, /^403 Cross-origin/],
    ["bearer token, no cookie, no Origin (a script)", { authorization: "Bearer ft_x" }, /^allowed$/],
    ["bearer token with a cookie and no Origin", { authorization: "Bearer ft_x", cookie: "a=b" }, /^403 Origin header required/],
    ["bearer token from a cross-site page", { authorization: "Bearer ft_x", "sec-fetch-site": "cross-site" }, /^403 Cross-site/],
    ["bearer token with a foreign Origin", { authorization: "Bearer ft_x", origin: "https://evil.example" }, /^403 Cross-origin/],
    ["Basic auth, no cookie, no Origin", { authorization: "Basic eDp5" }, /^403 Origin header required/],
  ])("%s", (_name, headers, want) => {
    expect(check(headers)).toMatch(want);
  });
});
