import { describe, expect, it } from "vitest";
import { mdText } from "./export-details";
import { encodedForms, secretReplacer } from "./redact-values";

const LABEL = "(from Secret airflow-values, not shown)";
const FERNET = "Xh2n7Qk0p9vB4sTq1LmZ8cR3yW6uE5aD-JfGhKiOnPs=";
const CONN = "postgresql://airflow:Tr0ub4dor&3@airflow-db.prod.internal:5432/airflow?sslmode=require";
const QUOTED = 'say "pa\\ss" 4 me';
const SSH_KEY = [
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
  "QyNTUxOQAAACDc2h0cL3ZnZmVkaGVyZWlzYWtleXRoYXRpc25vdHJlYWwAAAAAAAAAAAAA",
  "-----END OPENSSH PRIVATE KEY-----",
  "",
].join("\n");

const replace = secretReplacer([
  { value: FERNET, label: LABEL },
  { value: CONN, label: LABEL },
  { value: SSH_KEY, label: LABEL },
  { value: QUOTED, label: LABEL },
  { value: "hunter22", label: "***" },
]);

/** How lib/checklist/checks/outcome.ts `display` shows a long string: cut at 77 characters, JSON-quoted. */
const display = (v: string) => JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);

describe("secretReplacer: every form a value takes on its way into evidence", () => {
  it.each([
    ["as is", `fernetKey is ${FERNET}`, `fernetKey is ${LABEL}`],
    ["JSON-escaped (quotes, backslash)", `x = ${JSON.stringify(QUOTED)}`, `x = "${LABEL}"`],
    ["JSON-escaped (newlines)", `key ${JSON.stringify(SSH_KEY)}`, `key "${LABEL}"`],
    ["URL-encoded", `?conn=${encodeURIComponent(CONN)}&x=1`, `?conn=${LABEL}&x=1`],
    ["base64", `data: ${Buffer.from(FERNET).toString("base64")}`, `data: ${LABEL}`],
    ["base64url", `token ${Buffer.from(FERNET).toString("base64url")}`, `token ${LABEL}`],
    ["Markdown text (HTML-escaped)", `- Repository: ${mdText(CONN)}`, `- Repository: ${LABEL}`],
    ["a multi-line value on one line", `- key: ${mdText(SSH_KEY)}`, `- key: ${LABEL}`],
    [
      "its URL without userinfo",
      "uses postgresql://airflow-db.prod.internal:5432/airflow?sslmode=require",
      `uses ${LABEL}`,
    ],
    [
      "a truncated display",
      `\`data.brokerUrl\` = ${display(CONN)} (spec.values)`,
      `\`data.brokerUrl\` = "${LABEL}" (spec.values)`,
    ],
    [
      "a short credential as a whole token",
      "user=airflow password=hunter22 sslmode=require",
      "user=airflow password=*** sslmode=require",
    ],
    [
      "not inside a longer word",
      "hunter22x and xhunter22 and hunter22.example.com",
      "hunter22x and xhunter22 and hunter22.example.com",
    ],
  ])("%s", (_name, input, expected) => {
    expect(replace(input)).toBe(expected);
  });

  it("a truncated display that does not start a secret is left alone", () => {
    const text = `\`dags.gitSync.repo\` = ${display("https://github.com/acme/" + "a".repeat(90))} (spec.values)`;
    expect(replace(text)).toBe(text);
  });

  it("scales to a values Secret with thousands of leaves (no giant regular expression)", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ value: `tok-${i}-Xq9v${i * 7919}`, label: LABEL }));
    const big = secretReplacer(many);
    expect(big(`a tok-19999-Xq9v${19999 * 7919} b tok-5-Xq9v${5 * 7919}`)).toBe(`a ${LABEL} b ${LABEL}`);
  });

  it("with no secrets the text is unchanged", () => {
    expect(secretReplacer([])("anything at all")).toBe("anything at all");
  });
});

describe("encodedForms", () => {
  it("lists distinct forms of at least 4 characters", () => {
    const forms = encodedForms("a b&c");
    expect(forms).toEqual(
      expect.arrayContaining(["a b&c", "a%20b%26c", "a+b%26c", "YSBiJmM=", "YSBiJmM", "a b&amp;c"]),
    );
    expect(new Set(forms).size).toBe(forms.length);
    expect(encodedForms("ab")).toEqual(["YWI="]);
  });
});
