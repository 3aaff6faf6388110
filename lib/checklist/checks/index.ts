// The checklist: every check, in display order (pre-deployment, parts 1–7, post-deployment).

import type { Check } from "../types";
import { PART_1_CHECKS } from "./part-1-database";
import { PART_2_CHECKS } from "./part-2-git-sync";
import { PART_3_CHECKS } from "./part-3-logging";
import { PART_4_CHECKS } from "./part-4-pgbouncer";
import { PART_5_AUTO_CHECKS } from "./part-5-secrets";
import { ROTATION_CHECKS } from "./part-5-rotation";
import { PART_6_CHECKS } from "./part-6-ha";
import { PART_7_CHECKS } from "./part-7-monitoring";
import { POST_CHECKS } from "./post-deployment";
import { PRE_CHECKS } from "./pre-deployment";

/** All checks in display order. Ids are unique (asserted by the tests). */
export const CHECKS: readonly Check[] = [
  ...PRE_CHECKS,
  ...PART_1_CHECKS,
  ...PART_2_CHECKS,
  ...PART_3_CHECKS,
  ...PART_4_CHECKS,
  ...PART_5_AUTO_CHECKS,
  ...ROTATION_CHECKS,
  ...PART_6_CHECKS,
  ...PART_7_CHECKS,
  ...POST_CHECKS,
];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

/** A check by id (undefined for unknown ids — validate API input with this). */
export function checkById(id: string): Check | undefined {
  return BY_ID.get(id);
}
