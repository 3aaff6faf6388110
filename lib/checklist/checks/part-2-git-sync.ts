// Part 2 — git-sync DAG deployment: enabled, SSH key Secret with `gitSshKey`, known_hosts, sidecars ready.

import type { EvalContext } from "../context";
import { podContainers, refOf } from "../kube-readers";
import { checkSecretRef } from "../secret-refs";
import type { Check, CheckOutcome, Evidence } from "../types";
import { gitSyncIntervalSeconds } from "../chart-facts";
import { ev, fail, isSet, notApplicable, pass, shown, truthy, warn } from "./outcome";

const PART = { part: "2", partTitle: "Git-sync DAG deployment" } as const;

/** Container restarts above this count make the sidecar check warn. */
export const GIT_SYNC_RESTART_WARN = 3;

const CHART_EXAMPLE_REPO = "https://github.com/apache/airflow.git";

const enabled = (ctx: EvalContext) => truthy(ctx.get("dags.gitSync.enabled"));
const isSshRepo = (ctx: EvalContext) => /^(ssh:\/\/|[\w.-]+@[\w.-]+:)/.test(String(ctx.get("dags.gitSync.repo") ?? ""));
const offOutcome = () => notApplicable("git-sync is disabled (see gitsync.enabled)");

/** `dags.gitSync.enabled` with a real repository. */
export const gitSyncEnabled: Check = {
  ...PART,
  id: "gitsync.enabled",
  version: 1,
  title: "DAGs are deployed with git-sync",
  why: "git-sync gives versioned, reviewable DAG deployment through Git instead of copying files into pods.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Enable git-sync against your DAG repository over SSH with a read-only deploy key; verify the host key against your Git host's published fingerprints.",
    valuesSnippet: [
      "dags:",
      "  gitSync:",
      "    enabled: true",
      "    repo: git@github.com:your-org/airflow-dags.git",
      "    branch: main",
      "    subPath: dags",
      "    period: 60s",
      "    sshKeySecret: airflow-git-ssh-secret",
      "    knownHosts: |",
      "      github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
      "",
    ].join("\n"),
  },
  evaluate(_snapshot, ctx) {
    const evidence = [
      "dags.gitSync.enabled",
      "dags.gitSync.repo",
      "dags.gitSync.branch",
      "dags.gitSync.subPath",
      "dags.gitSync.period",
      ...(isSet(ctx.get("dags.gitSync.wait")) ? ["dags.gitSync.wait"] : []),
    ].map((p) => ev(shown(ctx, p)));
    if (!enabled(ctx)) return fail("git-sync is disabled", evidence);
    if (ctx.get("dags.gitSync.repo") === CHART_EXAMPLE_REPO)
      return fail("git-sync still points at the chart's example repository", evidence);
    return pass(`git-sync pulls ${String(ctx.get("dags.gitSync.repo"))}`, evidence);
  },
};

/** SSH repos: `dags.gitSync.sshKeySecret` exists with `gitSshKey`; HTTPS repos: credentials Secret if set. */
export const gitSshKeySecret: Check = {
  ...PART,
  id: "gitsync.ssh-key-secret",
  version: 2,
  title: "git-sync credentials come from a Secret (`gitSshKey`)",
  why: "The deploy key grants repository access; it must live in a Secret, not inline in values (`dags.gitSync.sshKey`).",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Create a Secret with key `gitSshKey` holding the private deploy key (e.g. via ExternalSecret) and reference it.",
    valuesSnippet: "dags:\n  gitSync:\n    sshKeySecret: airflow-git-ssh-secret\n",
  },
  evaluate(_snapshot, ctx) {
    if (!enabled(ctx)) return offOutcome();
    if (!isSshRepo(ctx)) {
      const creds = ctx.get("dags.gitSync.credentialsSecret");
      const evidence = [ev(shown(ctx, "dags.gitSync.repo")), ev(shown(ctx, "dags.gitSync.credentialsSecret"))];
      if (!isSet(creds)) return pass("HTTPS repository without credentials (public repository)", evidence);
      const check = checkSecretRef(ctx, "git-credentials", String(creds));
      evidence.push(...check.evidence);
      return check.ok
        ? pass(`HTTPS credentials come from Secret ${String(creds)}`, evidence)
        : fail(check.problem ?? "credentials Secret incomplete", evidence);
    }
    const name = ctx.get("dags.gitSync.sshKeySecret");
    const evidence: Evidence[] = [ev(shown(ctx, "dags.gitSync.sshKeySecret"))];
    if (!isSet(name)) {
      const inline = isSet(ctx.get("dags.gitSync.sshKey"));
      return fail(
        inline
          ? "The SSH private key is inlined in values (`dags.gitSync.sshKey`)"
          : "No SSH key Secret is configured for an SSH repository",
        evidence,
      );
    }
    const check = checkSecretRef(ctx, "git-ssh", String(name));
    evidence.push(...check.evidence);
    if (!check.ok) return fail(check.problem ?? "SSH key Secret incomplete", evidence);
    if (ctx.secret(String(name))?.sshKeyWellFormed === false)
      return fail("Key `gitSshKey` does not look like a private key", evidence);
    return pass(`SSH key comes from Secret ${String(name)}`, evidence);
  },
};

/** `dags.gitSync.knownHosts` set (else host-key checking is off) and rendered as `known_hosts`. */
export const gitKnownHosts: Check = {
  ...PART,
  id: "gitsync.known-hosts",
  version: 1,
  title: "SSH host key pinned (`knownHosts`)",
  why: "Without `knownHosts` git-sync disables host-key checking, so a spoofed Git server could serve DAG code.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Pin the Git host's key; take it from the host's published fingerprints, not from an unverified ssh-keyscan.",
    valuesSnippet:
      "dags:\n  gitSync:\n    knownHosts: |\n      github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n",
  },
  evaluate(_snapshot, ctx) {
    if (!enabled(ctx)) return offOutcome();
    if (!isSshRepo(ctx)) return notApplicable("HTTPS repository: no SSH host key involved");
    const evidence: Evidence[] = [];
    const hosts = ctx.get("dags.gitSync.knownHosts");
    const set = isSet(hosts);
    evidence.push(
      ev(
        `\`dags.gitSync.knownHosts\` ${set ? `has ${String(hosts).trim().split(/\n/).length} line(s)` : "is not set"} (${ctx.origin("dags.gitSync.knownHosts")})`,
      ),
    );
    const cm = ctx.airflowConfig;
    if (cm) {
      const has = typeof (cm.data as Record<string, unknown> | undefined)?.known_hosts === "string";
      evidence.push(ev(`ConfigMap ${cm.metadata.name} ${has ? "has" : "has no"} key known_hosts`, refOf(cm)));
    }
    if (!set) return fail("Host-key checking is disabled: `dags.gitSync.knownHosts` is not set", evidence);
    return pass("The Git host key is pinned", evidence);
  },
};

function sidecarOutcome(ctx: EvalContext): CheckOutcome {
  const name = String(ctx.get("dags.gitSync.containerName") ?? "git-sync") || "git-sync";
  const expected = ctx.major === 3 || truthy(ctx.get("dagProcessor.enabled")) ? "dag-processor" : "scheduler";
  const evidence: Evidence[] = [];
  const notReady: string[] = [];
  let maxRestarts = 0;
  let expectedFound = false;
  for (const component of ["scheduler", "dag-processor", "triggerer", "worker"] as const) {
    for (const pod of ctx.pods(component)) {
      const c = podContainers(pod).find((x) => x.name === name);
      if (!c) continue;
      if (component === expected) expectedFound = true;
      maxRestarts = Math.max(maxRestarts, c.restartCount);
      if (!c.ready) notReady.push(`${pod.metadata.name}${c.waitingReason ? ` (${c.waitingReason})` : ""}`);
      evidence.push(
        ev(
          `${pod.metadata.name}: ${name} ${c.ready ? "ready" : "not ready"}, ${c.restartCount} restart(s)`,
          refOf(pod),
        ),
      );
    }
  }
  if (!expectedFound) return fail(`No ${name} container found in ${expected} pods`, evidence);
  if (notReady.length) return fail(`${name} not ready in ${notReady.join(", ")}`, evidence);
  if (maxRestarts > GIT_SYNC_RESTART_WARN)
    return warn(`${name} restarted ${maxRestarts} times; check its logs`, evidence);
  return pass(`${name} containers are ready`, evidence);
}

/** git-sync containers are ready in the pods that parse DAGs, with few restarts. */
export const gitSyncContainers: Check = {
  ...PART,
  id: "gitsync.containers-ready",
  version: 1,
  title: "git-sync containers ready",
  why: "A failing git-sync sidecar silently freezes DAGs at the last synced revision.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: {
    text: "Check the git-sync container logs: wrong branch, key permissions or an unknown host key are the usual causes.",
  },
  evaluate(_snapshot, ctx) {
    return enabled(ctx) ? sidecarOutcome(ctx) : offOutcome();
  },
};

/** Hybrid: branch strategy and CI for DAGs, attested once git-sync is on. */
export const gitRepoPolicy: Check = {
  ...PART,
  id: "gitsync.repo-policy",
  version: 1,
  title: "DAG repository policy and CI attested",
  why: "Branch protection and a CI pipeline that validates DAGs are what make git-sync safe; they live outside the cluster.",
  mode: "hybrid",
  severity: "medium",
  blocking: false,
  attestationFields: [
    { id: "branchStrategy", label: "Branch strategy", type: "text", required: true },
    { id: "ciPipeline", label: "CI/CD pipeline configured", type: "boolean", required: true },
    { id: "branchProtection", label: "Branch protection enabled", type: "boolean", required: false },
    { id: "syncIntervalRationale", label: "Sync interval rationale", type: "text", required: false },
  ],
  evaluate(snapshot, ctx) {
    const pre = gitSyncEnabled.evaluate(snapshot, ctx);
    if (pre.status !== "pass") return fail(`Pre-check: ${pre.message}`, pre.evidence);
    const secs = gitSyncIntervalSeconds(ctx.user, ctx.chartVersion);
    const from = isSet(ctx.get("dags.gitSync.wait")) ? "`wait`, which wins over `period`" : "`period`";
    return pass(
      `git-sync is on${secs !== undefined ? ` (every ${secs}s, from ${from})` : ""}; repository policy needs a person's attestation`,
      pre.evidence,
    );
  },
};

/** Part 2 checks in display order. */
export const PART_2_CHECKS: readonly Check[] = [
  gitSyncEnabled,
  gitSshKeySecret,
  gitKnownHosts,
  gitSyncContainers,
  gitRepoPolicy,
];
