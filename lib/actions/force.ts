// force (HelmRelease): requestedAt and forceAt with the same token — a one-off forced install/upgrade. Done when
// lastHandledForceAt == token, then as reconcile.
import { define, plainInput } from "./definition";

export const force = define("force", "force", plainInput("force"));
