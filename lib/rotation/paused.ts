// Read-only mode (FLUXTOWER_READ_ONLY) pauses the rotation worker too: no rotation is resumed, adopted or driven
// and no backup Secret is deleted; the journal stays as it is and the rotation view says so. A process started
// writable again continues from the journal.
import "server-only";
import { env } from "@/lib/config/env";

export const READ_ONLY_PAUSE = "paused: read-only mode";

export function rotationsPaused(): boolean {
  return env().FLUXTOWER_READ_ONLY;
}
