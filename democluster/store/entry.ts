// A stored object version. Entries are immutable once stored: every write replaces the entry, so an entry can be
// shared by lists, watches and the event window, and its JSON serialization is computed at most once.
import type { KObject } from "./types";

export interface Entry {
  readonly obj: KObject;
  readonly rv: number;
  json?: string;
}

export function entryJson(entry: Entry): string {
  if (entry.json === undefined) entry.json = JSON.stringify(entry.obj);
  return entry.json;
}

/** A deep copy that callers may mutate freely. */
export function entryCopy(entry: Entry): KObject {
  return JSON.parse(entryJson(entry)) as KObject;
}
