// Lifetimes of human input. Waivers must expire (at most WAIVER_MAX_DAYS after they are requested); attestations
// and sign-offs default to 90 days.
import { DEFAULT_MAX_WAIVER_DAYS, DEFAULT_SIGNOFF_DAYS } from "@/lib/checklist";

export const WAIVER_MAX_DAYS = DEFAULT_MAX_WAIVER_DAYS;
export const SIGNOFF_DAYS = DEFAULT_SIGNOFF_DAYS;
export const ATTESTATION_DEFAULT_DAYS = 90;
export const ATTESTATION_MAX_DAYS = 366;
export const DAY_MS = 86_400_000;
