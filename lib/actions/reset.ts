// reset (HelmRelease): requestedAt and resetAt with the same token — clears the failure counters; the way out of
// Stalled RetriesExceeded ("Reset and retry"). Done when lastHandledResetAt == token, then as reconcile.
import { define, plainInput } from "./definition";

export const reset = define("reset", "reset", plainInput("reset"));
