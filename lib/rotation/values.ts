// New secret values, generated server-side with node:crypto (never sent to the browser). Pure apart from the
// random source, which is injectable for tests.
import { randomBytes, randomInt } from "node:crypto";
import type { CharsetName } from "./kinds";

export const CHARSETS = {
  alphanumeric: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  /** Letters, digits and punctuation that survive URLs, shells and YAML without quoting. */
  "url-safe": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~",
} as const satisfies Record<CharsetName, string>;
export type Charset = keyof typeof CHARSETS;

/** A uniformly random string of `length` characters from `charset` (rejection-free via randomInt). */
export function randomValue(length: number, charset: Charset, pick: (max: number) => number = randomInt): string {
  const chars = CHARSETS[charset];
  let out = "";
  for (let i = 0; i < length; i++) out += chars[pick(chars.length)];
  return out;
}

/** A Fernet key: URL-safe base64 of 32 random bytes (44 characters, like Fernet.generate_key()). */
export function fernetKey(bytes: (n: number) => Buffer = randomBytes): string {
  return bytes(32).toString("base64url") + "=";
}

export function isFernetKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}=$/.test(value) && Buffer.from(value, "base64url").length === 32;
}

/** Like `python3 -c 'import secrets; print(secrets.token_hex(16))'` (the chart docs' recipe). */
export function tokenHex(bytes: (n: number) => Buffer = randomBytes): string {
  return bytes(16).toString("hex");
}

/**
 * A password for `ALTER ROLE … PASSWORD '…'` inside a shell-quoted psql command: no quote, backslash, dollar,
 * backtick or control character (the value reaches the Job through an env var from a Secret, never its spec).
 */
export function isSafePassword(value: string): boolean {
  return value.length >= 12 && value.length <= 128 && /^[\x21-\x7e]+$/.test(value) && !/['"\\$`]/.test(value);
}
