// Public API of lib/checklist (pure: no I/O, no Kubernetes client, no database).

export * from "./types";
export {
  secretFactsFrom,
  type ChecklistSnapshot,
  type FluxObjectFact,
  type SecretFacts,
  type ValuesFromSource,
} from "./snapshot";
export { parseConnectionUrl, type ConnectionFacts } from "./connection-url";
export { chartDefaults, SUPPORTED_CHART_VERSIONS } from "./chart-defaults";
export {
  airflowMajor,
  composeValues,
  effectiveValues,
  getPath,
  mergeMaps,
  valuesDigest,
  type ComposedValues,
  type Values,
} from "./values";
export { chartVersionOf, helmReleaseName, isAirflowRelease, isExactVersion, workloadNamespace } from "./discovery";
export { buildContext, type Component, type EvalContext, type EvalOptions } from "./context";
export { HELM_VALUE_MASK, type HelmDeployedFacts, type HelmObject } from "./helm-facts";
export { helmDeployedFacts } from "./helm-facts-from";
export { isBundledPostgres } from "./bundled-postgres";
export { chartSupport, unsupportedResult, type ChartSupport } from "./chart-support";
export { statsdServiceRef } from "./statsd-target";
export { CHECKS, checkById } from "./checks";
export {
  evaluateChecklist,
  evaluateItem,
  gateOf,
  scoreOf,
  GATE_OK,
  type ChecklistInput,
  type EvaluateOptions,
} from "./evaluate";
export {
  attestationFieldProblems,
  validateAttestation,
  validateWaiverRequest,
  waiverState,
  DEFAULT_MAX_WAIVER_DAYS,
} from "./human-input";
export {
  buildEvidenceSnapshot,
  diffRuns,
  signoffState,
  signoffStateDetail,
  snapshotFacts,
  verifyEvidenceHash,
  DEFAULT_SIGNOFF_DAYS,
  type EvidenceSnapshot,
  type ItemChange,
  type RunLike,
  type Signer,
  type SignoffState,
  type SnapshotFacts,
} from "./signoff";
export { exportMarkdown } from "./export-markdown";
export type { SignoffExport } from "./export-details";
export { toApiShape, toJson, type ApiChecklist, type ApiItem, type SignoffSummary } from "./export-json";
export { sha256OfJson, canonicalJson } from "./canonical-json";
