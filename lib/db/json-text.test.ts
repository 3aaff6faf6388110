import { describe, expect, it } from "vitest";
import { parseJsonObject, parseStringArray, toJsonText } from "./json-text";

describe("json text", () => {
  it("round-trips arrays and objects", () => {
    expect(parseStringArray(toJsonText(["a", "b"]), "groups")).toEqual(["a", "b"]);
    expect(parseJsonObject(toJsonText({ a: 1, b: [true, null] }), "detail")).toEqual({ a: 1, b: [true, null] });
  });
  it("names the column on bad data", () => {
    expect(() => parseStringArray("[1]", "User.groups")).toThrow(/User.groups: expected a JSON array of strings/);
    expect(() => parseStringArray("{", "User.groups")).toThrow(/User.groups: stored text is not valid JSON/);
    expect(() => parseJsonObject("[]", "AuditEvent.detail")).toThrow(/AuditEvent.detail: expected a JSON object/);
    expect(() => parseJsonObject("null", "AuditEvent.detail")).toThrow(/expected a JSON object/);
  });
});
