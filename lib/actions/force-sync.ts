// force-sync: ExternalSecret `force-sync: <unix seconds>`, ClusterExternalSecret `external-secrets.io/force-sync`.
// Refused for refreshPolicy CreatedOnce and for Periodic with a zero refreshInterval (preconditions.ts). Done when
// refreshTime ≥ the request time and Ready=True (progress-eso.ts).
import { define, plainInput } from "./definition";

export const forceSync = define("force-sync", "force-sync", plainInput("force-sync"));
