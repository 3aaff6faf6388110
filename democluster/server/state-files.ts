// Files the demo cluster writes into its state directory: kubeconfigs, the control token and server.json
// (written last and atomically: its presence is the readiness signal for scripts).
import fs from "node:fs";
import path from "node:path";
import { renderAppKubeconfig, renderKubeconfig } from "../auth/kubeconfig";
import type { UserTokens } from "../auth/tokens";

export interface StatePaths {
  kubeconfig: string;
  appKubeconfig: string;
  controlToken: string;
  serverJson: string;
  ca: string;
}

export function statePaths(dir: string): StatePaths {
  return {
    kubeconfig: path.join(dir, "kubeconfig"),
    appKubeconfig: path.join(dir, "fluxtower.kubeconfig"),
    controlToken: path.join(dir, "control-token"),
    serverJson: path.join(dir, "server.json"),
    ca: path.join(dir, "ca.crt"),
  };
}

function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function writeStateFiles(
  dir: string,
  info: {
    url: string;
    httpsUrl: string;
    caPem: string;
    tokens: UserTokens;
    controlToken: string;
    scenario: string | null;
  },
): StatePaths {
  fs.mkdirSync(dir, { recursive: true });
  const paths = statePaths(dir);
  fs.rmSync(paths.serverJson, { force: true });
  const server = { httpsUrl: info.httpsUrl, caPem: info.caPem };
  writeAtomic(paths.ca, info.caPem);
  writeAtomic(paths.kubeconfig, renderKubeconfig(server, info.tokens));
  writeAtomic(paths.appKubeconfig, renderAppKubeconfig(server, info.tokens));
  writeAtomic(paths.controlToken, `${info.controlToken}\n`);
  const ready = {
    url: info.url,
    httpsUrl: info.httpsUrl,
    caFile: paths.ca,
    pid: process.pid,
    controlToken: info.controlToken,
    scenario: info.scenario,
  };
  writeAtomic(paths.serverJson, `${JSON.stringify(ready, null, 2)}\n`);
  return paths;
}
