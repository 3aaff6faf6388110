// restart (Deployment, StatefulSet): spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] as a
// merge patch with OUR field manager (a kubectl-prefixed manager would be stripped by kustomize-controller and
// the restart undone). Refused for paused Deployments and OnDelete StatefulSets. Done per `kubectl rollout status`.
import { define, plainInput } from "./definition";

export const restart = define("restart", "restart", plainInput("restart"));
