// reconcile: `reconcile.fluxcd.io/requestedAt: <token>`; with `withSource` (Kustomization, HelmRelease) the
// sources are reconciled first and waited on (with-source.ts). Done when lastHandledReconcileAt == token and the
// object settled Ready (progress-flux.ts).
import { AppError } from "@/lib/http/errors";
import { define } from "./definition";

export const reconcile = define("reconcile", "reconcile", (req) => {
  const withSource = req.withSource === true;
  if (withSource && req.resource !== "kustomizations" && req.resource !== "helmreleases") {
    throw new AppError("bad_request", "withSource applies to Kustomizations and HelmReleases only");
  }
  return { reason: null, withSource };
});
