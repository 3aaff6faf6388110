// Reads what the Dockerfile's final stage puts into the image: its base image, WORKDIR, ENV, USER, CMD and the
// COPY --from=<build stage> lines (source under the build stage's WORKDIR → destination under the final WORKDIR),
// so deploy-image.test.ts can assemble exactly that file tree without a Docker engine.
import path from "node:path";

export interface FinalStage {
  from: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd: string[];
  copies: { from: string; src: string; dest: string }[];
  runs: string[];
  buildWorkdir: string;
}

/** Joins continuation lines and drops comments and blank lines. */
function instructions(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!cur && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) cur += line.slice(0, -1) + " ";
    else {
      out.push((cur + line).trim());
      cur = "";
    }
  }
  return out;
}

export function parseDockerfile(text: string): FinalStage {
  const stages: { name?: string; lines: string[] }[] = [];
  for (const ins of instructions(text)) {
    const m = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins);
    if (m) stages.push({ name: m[2], lines: [ins] });
    else if (stages.length) stages[stages.length - 1].lines.push(ins);
  }
  const last = stages[stages.length - 1];
  const stage: FinalStage = { from: "", workdir: "/", env: {}, cmd: [], copies: [], runs: [], buildWorkdir: "/" };
  for (const ins of last.lines) {
    const [op, ...rest] = ins.split(/\s+/);
    const args = ins.slice(op.length).trim();
    switch (op.toUpperCase()) {
      case "FROM":
        stage.from = rest[0];
        break;
      case "WORKDIR":
        stage.workdir = path.posix.resolve(stage.workdir, args);
        break;
      case "ENV":
        for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1]] = m[2].replace(/^"|"$/g, "");
        break;
      case "USER":
        stage.user = args;
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
      case "RUN":
        stage.runs.push(args);
        break;
      case "COPY": {
        const flags = rest.filter((r) => r.startsWith("--"));
        const paths = rest.filter((r) => !r.startsWith("--"));
        const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
        if (!from || paths.length !== 2) throw new Error(`unsupported COPY (need --from=<stage> <src> <dest>): ${ins}`);
        stage.copies.push({ from, src: paths[0], dest: path.posix.resolve(stage.workdir, paths[1]) });
        break;
      }
    }
  }
  // The build stage's WORKDIR: COPY sources are absolute paths under it.
  const build = stages.find((s) => s.name === stage.copies[0]?.from);
  for (const ins of build?.lines ?? []) {
    const m = /^WORKDIR\s+(\S+)$/i.exec(ins);
    if (m) stage.buildWorkdir = path.posix.resolve(stage.buildWorkdir, m[1]);
  }
  return stage;
}
