// CLI: npx tsx democluster/main.ts --scenario airflow --port 0 --state-dir .data/demo [--time-scale 1]
//      [--param key=value ...] [--event-window N]
// Starts the demo cluster, writes kubeconfigs + server.json into the state dir, prints `democluster ready <url>`.
import path from "node:path";
import { startDemoCluster, type StartDemoClusterOptions } from "./index";

function parseArgs(argv: string[]): StartDemoClusterOptions & { stateDir: string } {
  const opts: StartDemoClusterOptions & { stateDir: string } = { scenario: "airflow", port: 0, stateDir: ".data/demo" };
  const params: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.includes("=") && arg.startsWith("--")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`missing value for ${flag}`);
      return v;
    };
    switch (flag) {
      case "--scenario":
        opts.scenario = value();
        break;
      case "--port":
        opts.port = Number(value());
        if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`invalid --port`);
        break;
      case "--state-dir":
        opts.stateDir = value();
        break;
      case "--time-scale":
        opts.timeScale = Number(value());
        if (!(opts.timeScale > 0)) throw new Error(`invalid --time-scale`);
        break;
      case "--event-window":
        opts.eventWindow = Number(value());
        break;
      case "--param": {
        const kv = value();
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new Error(`--param expects key=value, got "${kv}"`);
        params[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  if (Object.keys(params).length > 0) opts.params = params;
  opts.stateDir = path.resolve(opts.stateDir);
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const cluster = await startDemoCluster(opts);
  process.stdout.write(`democluster ready ${cluster.url}\n`);
  console.error(
    `democluster: scenario ${opts.scenario ?? "none"} started in ${Date.now() - started} ms; kubeconfig ${cluster.kubeconfigPath}`,
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`democluster: ${signal}, shutting down`);
    cluster.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("democluster: shutdown failed:", err);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  console.error("democluster: failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
