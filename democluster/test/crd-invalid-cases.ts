// Invalid custom resources and the exact Status kube-apiserver v1.32 answers for each (see crd-validation.test.ts).
// Messages follow kubeOpenAPIResultToFieldErrors (apiextensions-apiserver pkg/apiserver/validation/validation.go),
// the CEL validator (pkg/apiserver/schema/cel/validation.go) and field.Error (k8s.io/apimachinery
// pkg/util/validation/field/errors.go); two are copied from real clusters' answers quoted in fluxcd/flux2#5654 and
// fluxcd/kustomize-controller#1443. Property errors come in the schema's property order.
import type { AnyJson } from "./helpers";

export const NOT_CHECKED =
  '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

export interface Case {
  name: string;
  kind: string;
  edit: (o: AnyJson) => void;
  message: string;
  causes: { reason: string; field: string; message: string }[];
}

export const CASES: Case[] = [
  {
    name: "HelmRelease without chart or chartRef (CEL rule on spec)",
    kind: "HelmRelease",
    edit: (o) => delete o.spec.chart,
    message:
      'HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: spec: Invalid value: "object": either chart or chartRef must be set',
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec",
        message: 'Invalid value: "object": either chart or chartRef must be set',
      },
    ],
  },
  {
    name: "HelmRelease with both chart and chartRef",
    kind: "HelmRelease",
    edit: (o) => (o.spec.chartRef = { kind: "OCIRepository", name: "podinfo" }),
    message:
      'HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: spec: Invalid value: "object": either chart or chartRef must be set',
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec",
        message: 'Invalid value: "object": either chart or chartRef must be set',
      },
    ],
  },
  {
    // fluxcd/flux2#5654: `flux create helmrelease --chart-ref … --chart …` output applied to a real cluster.
    name: "HelmRelease with an empty sourceRef name and no kind (flux2#5654)",
    kind: "HelmRelease",
    edit: (o) => {
      o.metadata.name = "my-hr";
      o.spec = {
        chart: { spec: { chart: "my-chart", reconcileStrategy: "ChartVersion", sourceRef: { name: "" } } },
        interval: "1m0s",
      };
    },
    message:
      'HelmRelease.helm.toolkit.fluxcd.io "my-hr" is invalid: [spec.chart.spec.sourceRef.name: Invalid value: "": spec.chart.spec.sourceRef.name in body should be at least 1 chars long, spec.chart.spec.sourceRef.kind: Required value, ' +
      `${NOT_CHECKED}]`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.chart.spec.sourceRef.name",
        message: 'Invalid value: "": spec.chart.spec.sourceRef.name in body should be at least 1 chars long',
      },
      { reason: "FieldValueRequired", field: "spec.chart.spec.sourceRef.kind", message: "Required value" },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    // fluxcd/kustomize-controller#1443: the same two required fields, in the CRD's `required` order.
    name: "HelmRelease chart template without chart and sourceRef (kustomize-controller#1443)",
    kind: "HelmRelease",
    edit: (o) => (o.spec.chart = { spec: {} }),
    message: `HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: [spec.chart.spec.chart: Required value, spec.chart.spec.sourceRef: Required value, ${NOT_CHECKED}]`,
    causes: [
      { reason: "FieldValueRequired", field: "spec.chart.spec.chart", message: "Required value" },
      { reason: "FieldValueRequired", field: "spec.chart.spec.sourceRef", message: "Required value" },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    name: "HelmRelease interval that is not a Go duration (pattern)",
    kind: "HelmRelease",
    edit: (o) => (o.spec.interval = "5 minutes"),
    message: `HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: spec.interval: Invalid value: "5 minutes": spec.interval in body should match '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.interval",
        message: `Invalid value: "5 minutes": spec.interval in body should match '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'`,
      },
    ],
  },
  {
    name: "HelmRelease retries as a string (type)",
    kind: "HelmRelease",
    edit: (o) => (o.spec.install.remediation.retries = "3"),
    message: `HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: [spec.install.remediation.retries: Invalid value: "string": spec.install.remediation.retries in body must be of type integer: "string", ${NOT_CHECKED}]`,
    causes: [
      {
        reason: "FieldValueTypeInvalid",
        field: "spec.install.remediation.retries",
        message: 'Invalid value: "string": spec.install.remediation.retries in body must be of type integer: "string"',
      },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    name: "GitRepository with an ftp URL (pattern)",
    kind: "GitRepository",
    edit: (o) => (o.spec.url = "ftp://example.com/repo.git"),
    message: `GitRepository.source.toolkit.fluxcd.io "podinfo" is invalid: spec.url: Invalid value: "ftp://example.com/repo.git": spec.url in body should match '^(http|https|ssh)://.*$'`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.url",
        message: `Invalid value: "ftp://example.com/repo.git": spec.url in body should match '^(http|https|ssh)://.*$'`,
      },
    ],
  },
  {
    name: "GitRepository with an unknown provider (enum)",
    kind: "GitRepository",
    edit: (o) => (o.spec.provider = "gitlab"),
    message: `GitRepository.source.toolkit.fluxcd.io "podinfo" is invalid: [spec.provider: Unsupported value: "gitlab": supported values: "generic", "aws", "azure", "github", ${NOT_CHECKED}]`,
    causes: [
      {
        reason: "FieldValueNotSupported",
        field: "spec.provider",
        message: 'Unsupported value: "gitlab": supported values: "generic", "aws", "azure", "github"',
      },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    name: "GitRepository serviceAccountName with the generic provider (CEL)",
    kind: "GitRepository",
    edit: (o) => Object.assign(o.spec, { provider: "generic", serviceAccountName: "source" }),
    message: `GitRepository.source.toolkit.fluxcd.io "podinfo" is invalid: spec: Invalid value: "object": serviceAccountName can only be set when provider is 'azure' or 'aws'`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec",
        message: `Invalid value: "object": serviceAccountName can only be set when provider is 'azure' or 'aws'`,
      },
    ],
  },
  {
    name: "HelmRepository of an unknown type (enum; the CRD has no CEL rule, so no 'not checked')",
    kind: "HelmRepository",
    edit: (o) => (o.spec.type = "git"),
    message: `HelmRepository.source.toolkit.fluxcd.io "podinfo" is invalid: spec.type: Unsupported value: "git": supported values: "default", "oci"`,
    causes: [
      {
        reason: "FieldValueNotSupported",
        field: "spec.type",
        message: 'Unsupported value: "git": supported values: "default", "oci"',
      },
    ],
  },
  {
    name: "HelmRepository whose spec is a string (type)",
    kind: "HelmRepository",
    edit: (o) => (o.spec = "https://stefanprodan.github.io/podinfo"),
    message: `HelmRepository.source.toolkit.fluxcd.io "podinfo" is invalid: spec: Invalid value: "string": spec in body must be of type object: "string"`,
    causes: [
      {
        reason: "FieldValueTypeInvalid",
        field: "spec",
        message: 'Invalid value: "string": spec in body must be of type object: "string"',
      },
    ],
  },
  {
    name: "OCIRepository with an https URL (pattern)",
    kind: "OCIRepository",
    edit: (o) => (o.spec.url = "https://ghcr.io/stefanprodan/manifests/podinfo"),
    message: `OCIRepository.source.toolkit.fluxcd.io "podinfo" is invalid: spec.url: Invalid value: "https://ghcr.io/stefanprodan/manifests/podinfo": spec.url in body should match '^oci://.*$'`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.url",
        message: `Invalid value: "https://ghcr.io/stefanprodan/manifests/podinfo": spec.url in body should match '^oci://.*$'`,
      },
    ],
  },
  {
    name: "HelmChart verify with a GitRepository source (CEL)",
    kind: "HelmChart",
    edit: (o) =>
      Object.assign(o.spec, { sourceRef: { kind: "GitRepository", name: "podinfo" }, verify: { provider: "cosign" } }),
    message: `HelmChart.source.toolkit.fluxcd.io "podinfo" is invalid: spec: Invalid value: "object": spec.verify is only supported when spec.sourceRef.kind is 'HelmRepository'`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec",
        message: `Invalid value: "object": spec.verify is only supported when spec.sourceRef.kind is 'HelmRepository'`,
      },
    ],
  },
  {
    name: "Kustomization kubeConfig with both refs (CEL on a nested object)",
    kind: "Kustomization",
    edit: (o) => (o.spec.kubeConfig = { configMapRef: { name: "kc" }, secretRef: { name: "kc" } }),
    message: `Kustomization.kustomize.toolkit.fluxcd.io "podinfo" is invalid: spec.kubeConfig: Invalid value: "object": exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.kubeConfig",
        message:
          'Invalid value: "object": exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified',
      },
    ],
  },
  {
    name: "ExternalSecret with an unknown store kind and a data entry without remoteRef",
    kind: "ExternalSecret",
    edit: (o) => {
      o.spec.secretStoreRef.kind = "Vault";
      delete o.spec.data[0].remoteRef;
    },
    message: `ExternalSecret.external-secrets.io "example" is invalid: [spec.data[0].remoteRef: Required value, spec.secretStoreRef.kind: Unsupported value: "Vault": supported values: "SecretStore", "ClusterSecretStore"]`,
    causes: [
      { reason: "FieldValueRequired", field: "spec.data[0].remoteRef", message: "Required value" },
      {
        reason: "FieldValueNotSupported",
        field: "spec.secretStoreRef.kind",
        message: 'Unsupported value: "Vault": supported values: "SecretStore", "ClusterSecretStore"',
      },
    ],
  },
  {
    // The demo's own `large` scenario created this store until the validation caught it.
    name: "ClusterSecretStore 1Password provider without auth",
    kind: "ClusterSecretStore",
    edit: (o) => delete o.spec.provider.onepassword.auth,
    message: `ClusterSecretStore.external-secrets.io "onepassword" is invalid: [spec.provider.onepassword.auth: Required value, ${NOT_CHECKED}]`,
    causes: [
      { reason: "FieldValueRequired", field: "spec.provider.onepassword.auth", message: "Required value" },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    // int-or-string: type [integer,string] plus anyOf (kube-openapi schema_props.go reports the anyOf failure
    // at the validator's root path and the first alternative's errors).
    name: "SecretStore refreshInterval that is neither an integer nor a string (int-or-string)",
    kind: "SecretStore",
    edit: (o) => (o.spec.refreshInterval = true),
    message:
      'SecretStore.external-secrets.io "vault-backend" is invalid: [spec.refreshInterval: Invalid value: "boolean": spec.refreshInterval in body must be of type integer,string: "boolean", <nil>: Invalid value: "": "spec.refreshInterval" must validate at least one schema (anyOf), spec.refreshInterval: Invalid value: "boolean": spec.refreshInterval in body must be of type integer: "boolean", ' +
      `${NOT_CHECKED}]`,
    causes: [
      {
        reason: "FieldValueTypeInvalid",
        field: "spec.refreshInterval",
        message: 'Invalid value: "boolean": spec.refreshInterval in body must be of type integer,string: "boolean"',
      },
      {
        reason: "FieldValueInvalid",
        field: "<nil>",
        message: 'Invalid value: "": "spec.refreshInterval" must validate at least one schema (anyOf)',
      },
      {
        reason: "FieldValueTypeInvalid",
        field: "spec.refreshInterval",
        message: 'Invalid value: "boolean": spec.refreshInterval in body must be of type integer: "boolean"',
      },
      { reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice("<nil>: ".length) },
    ],
  },
  {
    name: "ClusterExternalSecret without externalSecretSpec",
    kind: "ClusterExternalSecret",
    edit: (o) => delete o.spec.externalSecretSpec,
    message:
      'ClusterExternalSecret.external-secrets.io "hello-world" is invalid: spec.externalSecretSpec: Required value',
    causes: [{ reason: "FieldValueRequired", field: "spec.externalSecretSpec", message: "Required value" }],
  },
  {
    name: "PushSecret dataTo entry whose storeRef names nothing (CEL on list items)",
    kind: "PushSecret",
    edit: (o) => (o.spec.dataTo = [{ storeRef: { kind: "SecretStore" } }]),
    message: `PushSecret.external-secrets.io "pushsecret-example" is invalid: spec.dataTo[0]: Invalid value: "object": storeRef must specify either name or labelSelector`,
    causes: [
      {
        reason: "FieldValueInvalid",
        field: "spec.dataTo[0]",
        message: 'Invalid value: "object": storeRef must specify either name or labelSelector',
      },
    ],
  },
];
