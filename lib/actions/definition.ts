// The shape of one action: its catalog entry, how its progress is judged and its own input rules. Each action
// lives in its own file (reconcile.ts, force.ts, …); the pipeline (request.ts) is shared.
import { AppError } from "@/lib/http/errors";
import { ACTIONS, type ActionName, type ActionSpec } from "./catalog";
import type { ActionRequest, ProgressKind } from "./types";

export interface ValidatedInput {
  reason: string | null;
  withSource: boolean;
}

export interface ActionDefinition {
  spec: ActionSpec;
  progress: ProgressKind;
  /** Action-specific input rules beyond the request schema; throws AppError("bad_request"). */
  validate(req: ActionRequest): ValidatedInput;
}

/** Input rule shared by actions that take neither a reason nor withSource. */
export function plainInput(action: ActionName) {
  return (req: ActionRequest): ValidatedInput => {
    if (req.withSource) throw new AppError("bad_request", `withSource applies to reconcile only, not to ${action}`);
    return { reason: null, withSource: false };
  };
}

export function define(action: ActionName, progress: ProgressKind, validate: ActionDefinition["validate"]): ActionDefinition {
  return { spec: ACTIONS[action], progress, validate };
}
