import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertSameOrigin } from "./origin";

const url = new URL("https://fluxtower.example.com");

describe("assertSameOrigin", () => {
  it.each<{ name: string; headers: Record<string, string>; ok: boolean }>([
    { name: "same origin", headers: { origin: "https://fluxtower.example.com" }, ok: true },
    { name: "same origin + same-origin fetch metadata", headers: { origin: "https://fluxtower.example.com", "sec-fetch-site": "same-origin" }, ok: true },
    { name: "missing Origin", headers: {}, ok: false },
    { name: "sibling subdomain", headers: { origin: "https://evil.example.com" }, ok: false },
    { name: "http downgrade", headers: { origin: "http://fluxtower.example.com" }, ok: false },
    { name: "same-site fetch metadata", headers: { origin: "https://fluxtower.example.com", "sec-fetch-site": "same-site" }, ok: false },
    { name: "null origin", headers: { origin: "null" }, ok: false },
  ])("$name → ok=$ok", ({ headers, ok }) => {
    const req = new Request("https://fluxtower.example.com/api/v1/x", { method: "POST", headers });
    if (ok) expect(() => assertSameOrigin(req, url)).not.toThrow();
    else expect(() => assertSameOrigin(req, url)).toThrow(AppError);
  });
});
