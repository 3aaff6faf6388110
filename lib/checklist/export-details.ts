// Markdown appendix of the CHECKLIST.md export: per-item results with evidence, fixes, attestations,
// waivers, and the sign-off block.

import type { ChecklistResult, ItemResult } from "./types";
import { PART_ORDER } from "./types";
import type { Signer } from "./signoff";

/** Sign-off facts to print (state comes from the review store or `signoffState`). */
export interface SignoffExport {
  state: string;
  signer?: Signer;
  signedAt?: string;
  expiresAt?: string;
  hash?: string;
  comment?: string;
  reasons?: string[];
}

/** Make user-supplied text safe inside one Markdown line (no HTML, no line breaks). */
export function mdText(s: string): string {
  return s.replace(/\r?\n/g, " ").replace(/</g, "&lt;").replace(/>/g, "&gt;").trim();
}

/** Make text safe inside a table cell. */
export function mdCell(s: string): string {
  return mdText(s).replace(/\|/g, "\\|");
}

const OK = new Set(["pass", "attested", "waived"]);

/** Checkbox for an item status. */
export function box(ok: boolean): string {
  return ok ? "[x]" : "[ ]";
}

/** True when the item counts as done in the export (pass, attested, waived). */
export function itemDone(item: ItemResult | undefined): boolean {
  return !!item && OK.has(item.status);
}

function itemLines(i: ItemResult): string[] {
  const flags = [i.mode !== "auto" ? i.mode : "", i.blocking ? "blocking" : "advisory", i.severity]
    .filter(Boolean)
    .join(", ");
  const lines = [
    `- ${box(itemDone(i) || i.status === "not-applicable")} **${i.status}** · ${mdText(i.title)} (\`${i.id}\` v${i.version}; ${flags}) — ${mdText(i.message)}`,
  ];
  for (const e of i.evidence) {
    const ref = e.ref ? ` (${e.ref.resource}/${e.ref.namespace ?? "_"}/${e.ref.name})` : "";
    lines.push(`  - ${mdText(e.text)}${ref}`);
  }
  const a = i.attestation;
  if (a) {
    const fields = (i.attestationFields ?? [])
      .filter((f) => a.fields[f.id])
      .map((f) => `${f.label}: ${mdText(a.fields[f.id])}`);
    const links = (a.links ?? []).map((l) => `<${l.replace(/[<>\s]/g, "")}>`);
    lines.push(
      `  - Attestation (${a.state}) by ${mdText(a.attestedBy)} on ${a.attestedAt}, expires ${a.expiresAt}${fields.length ? `: ${fields.join("; ")}` : ""}${links.length ? ` — ${links.join(" ")}` : ""}`,
    );
  }
  const w = i.waiver;
  if (w) {
    lines.push(
      `  - Waiver (${w.state}): ${mdText(w.reason)} — requested by ${mdText(w.requestedBy)}, approved by ${mdText(w.approvedBy ?? "nobody")}, expires ${w.expiresAt}`,
    );
  }
  if (i.fix) {
    lines.push(`  - Fix: ${mdText(i.fix.text)}`);
    if (i.fix.valuesSnippet)
      lines.push(
        "",
        "    ```yaml",
        ...i.fix.valuesSnippet
          .trimEnd()
          .split("\n")
          .map((l) => `    ${l}`),
        "    ```",
        "",
      );
  }
  return lines;
}

/** The "Item Results" appendix grouped by part. */
export function itemResultsSection(result: ChecklistResult): string[] {
  const lines = [
    "## Item Results",
    "",
    `Gate: **${result.gate.toUpperCase()}** (every blocking item passes, is attested or is waived) · Score: ${result.score}/100 (shown, never gating)`,
  ];
  for (const part of PART_ORDER) {
    const items = result.items.filter((i) => i.part === part);
    if (!items.length) continue;
    lines.push("", `### ${items[0].partTitle}`, "", ...items.flatMap(itemLines));
  }
  return lines;
}

/** The "Waivers" table (all waivers on record, valid or not). */
export function waiversSection(result: ChecklistResult): string[] {
  const waived = result.items.filter((i) => i.waiver);
  if (!waived.length) return ["## Waivers", "", "None."];
  return [
    "## Waivers",
    "",
    "| Item | Reason | Ticket | Requested by | Approved by | Expires | State |",
    "|------|--------|--------|--------------|-------------|---------|-------|",
    ...waived.flatMap((i) => {
      const w = i.waiver;
      return w
        ? [
            `| ${i.id} | ${mdCell(w.reason)} | ${mdCell(w.ticketUrl ?? "")} | ${mdCell(w.requestedBy)} | ${mdCell(w.approvedBy ?? "")} | ${w.expiresAt} | ${w.state} |`,
          ]
        : [];
    }),
  ];
}

/** The "Sign-off" block. */
export function signoffSection(signoff: SignoffExport | undefined): string[] {
  if (!signoff) return ["## Sign-off", "", "- State: none"];
  const lines = ["## Sign-off", "", `- State: ${signoff.state}`];
  if (signoff.signer)
    lines.push(
      `- Signed by: ${mdText(signoff.signer.name)} (groups: ${signoff.signer.groups.map(mdText).join(", ") || "none"})`,
    );
  if (signoff.signedAt) lines.push(`- Signed at: ${signoff.signedAt}`);
  if (signoff.expiresAt) lines.push(`- Expires: ${signoff.expiresAt}`);
  if (signoff.hash) lines.push(`- Evidence hash: \`${signoff.hash}\``);
  if (signoff.comment) lines.push(`- Comment: ${mdText(signoff.comment)}`);
  for (const r of signoff.reasons ?? []) lines.push(`- Stale because: ${mdText(r)}`);
  return lines;
}
