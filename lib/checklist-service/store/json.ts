// Reading the JSON text columns of the checklist tables (throws naming the column when the text is damaged).
import { parseJsonObject, parseStringArray } from "@/lib/db/json-text";

/** A stored Record<string, string> (attestation fields). */
export function stringRecord(text: string, column: string): Record<string, string> {
  const obj = parseJsonObject(text, column);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== "string") throw new Error(`${column}: field ${k} is not a string`);
    out[k] = v;
  }
  return out;
}

/** A stored string[]; null/empty text reads as []. */
export function stringList(text: string | null, column: string): string[] {
  return text ? parseStringArray(text, column) : [];
}

/** Any stored JSON value. */
export function jsonValue(text: string, column: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${column}: stored text is not valid JSON (${String(error)})`, { cause: error });
  }
}
