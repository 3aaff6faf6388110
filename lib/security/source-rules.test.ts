// Rules the source itself must keep (SECURITY.md S8, S17, S22), checked over every .ts/.tsx file of app/, components/,
// lib/ and proxy.ts:
// - no `dangerouslySetInnerHTML` (S17: object content is never HTML);
// - no Server Functions (`"use server"`): every change goes through a route handler built with route() (S8: auth,
//   Origin, JSON, zod inside the handler), and so there is no Server Action encryption key to share between
//   replicas (S22, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY). Adding one means adding those checks first.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const files = [...sources("app"), ...sources("components"), ...sources("lib"), "proxy.ts"];

function offenders(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(readFileSync(path.join(ROOT, f), "utf8")));
}

describe("source rules", () => {
  it("scans the app's sources", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join("app", "layout.tsx"));
  });

  it("no dangerouslySetInnerHTML anywhere (S17)", () => {
    expect(offenders(/dangerouslySetInnerHTML/)).toEqual([]);
  });

  it('no Server Functions ("use server"): changes go through route handlers only (S8, S22)', () => {
    expect(offenders(/^\s*["']use server["'];?\s*$/m)).toEqual([]);
  });
});
