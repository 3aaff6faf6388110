import { describe, expect, it } from "vitest";
import { hideApiServerAddresses } from "./api-server-address";

// Server URLs as kubeconfigs write them (kind, EKS, a private DNS name, IPv6) and the errors Node.js and
// client-node produce when they cannot be reached.
const SERVERS = [
  "https://127.0.0.1:41234",
  "https://4A1B2C3D4E5F.gr7.eu-west-1.eks.amazonaws.com",
  "https://api.prod.internal:6443",
  "https://[fd00::10]:6443",
];

describe("hideApiServerAddresses", () => {
  it.each([
    ["connect ECONNREFUSED 127.0.0.1:41234", "connect ECONNREFUSED <API server>"],
    ["API server unreachable since 2025-06-12T10:00:00Z: connect ECONNREFUSED 127.0.0.1:41234", "API server unreachable since 2025-06-12T10:00:00Z: connect ECONNREFUSED <API server>"],
    ["getaddrinfo ENOTFOUND 4a1b2c3d4e5f.gr7.eu-west-1.eks.amazonaws.com", "getaddrinfo ENOTFOUND <API server>"],
    ["request to https://api.prod.internal:6443/apis/helm.toolkit.fluxcd.io/v2/helmreleases failed", "request to <API server>/apis/helm.toolkit.fluxcd.io/v2/helmreleases failed"],
    ["connect ETIMEDOUT fd00::10:6443", "connect ETIMEDOUT <API server>"],
    ["Hostname/IP does not match certificate's altnames: Host: api.prod.internal. is not in the cert's altnames: DNS:kubernetes", "Hostname/IP does not match certificate's altnames: Host: <API server>. is not in the cert's altnames: DNS:kubernetes"],
    ["connect EHOSTUNREACH 10.0.3.7:6443 (not in the kubeconfig: a proxy)", "connect EHOSTUNREACH <API server> (not in the kubeconfig: a proxy)"],
    // nothing to hide: versions, times and names that merely contain a server's name
    ["syncing 12 resource types", "syncing 12 resource types"],
    ["chart airflow@1.16.0 (sha 1.2.3.4.5)", "chart airflow@1.16.0 (sha 1.2.3.4.5)"],
    ["watching api.prod.internal.example.com", "watching api.prod.internal.example.com"],
    ["", ""],
  ])("%s", (input, want) => {
    expect(hideApiServerAddresses(input, SERVERS)).toBe(want);
  });

  it("works without any configured server (only raw IPv4 addresses go)", () => {
    expect(hideApiServerAddresses("connect ECONNREFUSED 192.0.2.1:443", [])).toBe("connect ECONNREFUSED <API server>");
  });
});
