// JSON payloads are stored as JSON text (String columns) so SQLite and PostgreSQL behave the same.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function toJsonText(value: JsonValue): string {
  return JSON.stringify(value);
}

/** Parses a stored string[] (e.g. groups); throws naming the column when the text is not one. */
export function parseStringArray(text: string, column: string): string[] {
  const value: unknown = parseJson(text, column);
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw new Error(`${column}: expected a JSON array of strings`);
  }
  return value;
}

/** Parses a stored JSON object (e.g. detail); throws naming the column when the text is not one. */
export function parseJsonObject(text: string, column: string): JsonObject {
  const value: unknown = parseJson(text, column);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${column}: expected a JSON object`);
  }
  return value as JsonObject;
}

function parseJson(text: string, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${column}: stored text is not valid JSON (${String(error)})`, { cause: error });
  }
}
