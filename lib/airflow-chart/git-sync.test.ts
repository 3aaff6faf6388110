// git-sync facts from templates/_helpers.yaml `git_sync_container` (1.16.0 lines 213-333): GIT_SYNC_WAIT is emitted
// only when `wait` is set (:292-295) and git-sync lets it win over GITSYNC_PERIOD (:296-297); credentialsSecret
// feeds four required secretKeyRefs (:244-264), and only when no SSH key is configured (:220).
import { describe, expect, it } from "vitest";
import { GIT_SYNC_CREDENTIAL_KEYS, gitSyncAuth, gitSyncIntervalSeconds, goDurationSeconds } from "./git-sync";

describe("gitSyncIntervalSeconds", () => {
  it.each([
    [{}, 5], // values.yaml period "5s"
    [{ dags: { gitSync: { period: "1m30s" } } }, 90],
    [{ dags: { gitSync: { period: "500ms" } } }, 0.5],
    [{ dags: { gitSync: { period: "60s", wait: 600 } } }, 600],
    [{ dags: { gitSync: { period: "60s", wait: 0 } } }, 60], // `if .Values.dags.gitSync.wait`: 0 is unset
    [{ dags: { gitSync: { period: "soon" } } }, undefined],
  ])("%j → %s", (values, seconds) => expect(gitSyncIntervalSeconds(values)).toBe(seconds));
});

describe("goDurationSeconds", () => {
  it.each([
    ["5s", 5],
    ["2h", 7200],
    ["1.5m", 90],
    ["0", 0],
    ["10", undefined],
    ["", undefined],
  ])("%s → %s", (text, seconds) => expect(goDurationSeconds(text)).toBe(seconds));
});

describe("git-sync credentials", () => {
  it("the chart requires all four keys", () => {
    expect([...GIT_SYNC_CREDENTIAL_KEYS]).toEqual(["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"]);
  });

  it.each([
    [{ enabled: true, sshKeySecret: "git-key", credentialsSecret: "git-creds" }, { kind: "ssh", secret: "git-key", renderedByChart: false, knownHosts: false }],
    [{ enabled: true, sshKey: "KEY", knownHosts: "github.com ssh-ed25519 AAAA" }, { kind: "ssh", secret: "prod-ssh-secret", renderedByChart: true, knownHosts: true }],
    [{ enabled: true, credentialsSecret: "git-creds" }, { kind: "https", secret: "git-creds", keys: GIT_SYNC_CREDENTIAL_KEYS }],
    [{ enabled: true }, { kind: "none" }],
  ])("%j", (gitSync, auth) => expect(gitSyncAuth({ dags: { gitSync } }, "prod")).toEqual(auth));
});
