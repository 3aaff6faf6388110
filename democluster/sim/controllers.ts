// The set of simulated controllers, in the order they see store events.
import type { SimContext } from "./context";
import type { Controller } from "../controllers/controller";
import { GitSourceController } from "../controllers/source-git";
import { HelmRepositoryController } from "../controllers/source-helm-repository";
import { HelmChartController } from "../controllers/source-helm-chart";
import { KustomizationController } from "../controllers/kustomization";
import { HelmReleaseController } from "../controllers/helm-release";
import { SecretStoreController } from "../controllers/eso-secret-store";
import { ExternalSecretController } from "../controllers/eso-external-secret";
import { ClusterExternalSecretController } from "../controllers/eso-cluster-external-secret";
import { PushSecretController } from "../controllers/eso-push-secret";
import { DeploymentController } from "../controllers/deployment";
import { StatefulSetController } from "../controllers/statefulset";
import { JobController } from "../controllers/job";
import { KubeletController } from "../controllers/pod-kubelet";
import { PdbController } from "../controllers/pdb";

export interface ControllerSet {
  all: Controller[];
  git: GitSourceController;
  oci: GitSourceController;
}

export function createControllers(ctx: SimContext): ControllerSet {
  const git = new GitSourceController(ctx, "GitRepository");
  const oci = new GitSourceController(ctx, "OCIRepository");
  const all: Controller[] = [
    git,
    oci,
    new HelmRepositoryController(ctx),
    new HelmChartController(ctx),
    new KustomizationController(ctx),
    new HelmReleaseController(ctx),
    new SecretStoreController(ctx, "SecretStore"),
    new SecretStoreController(ctx, "ClusterSecretStore"),
    new ExternalSecretController(ctx),
    new ClusterExternalSecretController(ctx),
    new PushSecretController(ctx),
    new DeploymentController(ctx),
    new StatefulSetController(ctx),
    new JobController(ctx),
    new KubeletController(ctx),
    new PdbController(ctx),
  ];
  return { all, git, oci };
}
