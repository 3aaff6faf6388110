// Lifetimes of human input. Waivers must expire (at most waiverMaxDays() after they are requested:
// FLUXTOWER_WAIVER_MAX_DAYS, default 90); attestations and sign-offs default to 90 days.
import { DEFAULT_SIGNOFF_DAYS } from "@/lib/checklist";
import { env } from "@/lib/config/env";

export function waiverMaxDays(): number {
  return env().FLUXTOWER_WAIVER_MAX_DAYS;
}
export const SIGNOFF_DAYS = DEFAULT_SIGNOFF_DAYS;
export const ATTESTATION_DEFAULT_DAYS = 90;
export const ATTESTATION_MAX_DAYS = 366;
export const DAY_MS = 86_400_000;
