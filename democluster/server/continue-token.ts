// Opaque continue tokens for paginated lists: base64url JSON of the last returned key and the list's RV.
import { badRequest } from "../store/errors";

interface ContinueState {
  k: string; // "<namespace>/<name>" of the last item returned
  rv: string;
}

export function encodeContinue(lastKey: string, rv: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey, rv } satisfies ContinueState)).toString("base64url");
}

export function decodeContinue(token: string): ContinueState {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as ContinueState).k === "string") {
      return parsed as ContinueState;
    }
  } catch {
    // fall through to the BadRequest below: a token that does not decode is the client's error
  }
  throw badRequest(`invalid continue token "${token}"`);
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}
