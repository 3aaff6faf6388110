// suspend: spec.suspend true + who (fluxcd.controlplane.io/suspendedBy), why and when (fluxtower.dev/…).
// A reason is required. Done as soon as the object shows spec.suspend.
import { AppError } from "@/lib/http/errors";
import { define } from "./definition";
import { normalizeReason } from "./patches";

export const suspend = define("suspend", "suspend", (req) => {
  if (req.withSource) throw new AppError("bad_request", "withSource applies to reconcile only, not to suspend");
  const reason = normalizeReason(req.reason);
  if (!reason) throw new AppError("bad_request", "A reason is required to suspend (it is recorded on the object and in the audit log)");
  return { reason, withSource: false };
});
