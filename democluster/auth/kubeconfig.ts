// Kubeconfig files written for the demo cluster: one with a context per demo user, and the app's own one
// (a single context named `demo` with the `fluxtower` user, so the app's cluster id is `demo`).
// The server URL is https with the demo cluster's self-signed certificate as CA: kubectl (client-go) does not
// send bearer tokens over plain http.
import { stringify } from "yaml";
import { DEMO_USERS } from "./identity";
import type { UserTokens } from "./tokens";

export interface KubeconfigServer {
  httpsUrl: string;
  caPem: string;
}

function cluster(server: KubeconfigServer) {
  return {
    name: "demo",
    cluster: { server: server.httpsUrl, "certificate-authority-data": Buffer.from(server.caPem).toString("base64") },
  };
}

export function renderKubeconfig(server: KubeconfigServer, tokens: UserTokens): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: [cluster(server)],
    users: DEMO_USERS.map((u) => ({ name: u, user: { token: tokens[u] } })),
    contexts: DEMO_USERS.map((u) => ({ name: `demo-${u}`, context: { cluster: "demo", user: u } })),
    "current-context": "demo-admin",
  });
}

export function renderAppKubeconfig(server: KubeconfigServer, tokens: UserTokens): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: [cluster(server)],
    users: [{ name: "fluxtower", user: { token: tokens.fluxtower } }],
    contexts: [{ name: "demo", context: { cluster: "demo", user: "fluxtower" } }],
    "current-context": "demo",
  });
}
