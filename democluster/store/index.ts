export type * from "./types";
export { MemoryStore, typeKeyOf, type DeleteOptions, type MemoryStoreOptions } from "./memory-store";
export { StatusError, qualifiedResource } from "./errors";
export { type Entry, entryJson, entryCopy } from "./entry";
export type { RawEvent } from "./event-window";
