// Timestamp/line formats of the programs whose logs the demo pods imitate.
export type Level = "debug" | "info" | "warning" | "error";

function iso(t: number): string {
  return new Date(t).toISOString();
}

/** Airflow 3 (structlog console renderer) or Airflow 2 (classic) line. */
export function airflowLine(major: number, t: number, level: Level, logger: string, loc: string, msg: string): string {
  if (major >= 3) {
    const ts = iso(t).replace(/\.(\d{3})Z$/, ".$1000Z");
    return `${ts} [${level.padEnd(9)}] ${msg.padEnd(40)} [${logger}] loc=${loc}`;
  }
  const ts = iso(t).replace("Z", "+0000");
  return `[${ts}] {${loc}} ${level.toUpperCase()} - ${msg}`;
}

export function gitSyncLine(t: number, level: number, msg: string, fields: Record<string, unknown> = {}): string {
  const ts = iso(t).replace("T", " ").replace("Z", "000");
  const line: Record<string, unknown> = {
    logger: "",
    ts,
    caller: { file: "main.go", line: 1200 + (msg.length % 200) },
    level,
    msg,
    ...fields,
  };
  return JSON.stringify(line);
}

export function pgbouncerLine(t: number, msg: string, level = "LOG"): string {
  const ts = iso(t).replace("T", " ").replace("Z", " UTC");
  return `${ts} [1] ${level} ${msg}`;
}

export function logfmtLine(t: number, level: string, caller: string, msg: string, extra = ""): string {
  return `ts=${iso(t)} caller=${caller} level=${level} msg="${msg}"${extra ? ` ${extra}` : ""}`;
}

export function redisLine(t: number, msg: string): string {
  const d = new Date(t);
  const mon = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const time = iso(t).slice(11, 23);
  return `1:M ${String(d.getUTCDate()).padStart(2, "0")} ${mon} ${d.getUTCFullYear()} ${time} * ${msg}`;
}

export function celeryLine(t: number, level: string, msg: string): string {
  const ts = iso(t)
    .replace("T", " ")
    .replace(/\.(\d{3})Z$/, ",$1");
  return `[${ts}: ${level}/MainProcess] ${msg}`;
}

export function grafanaLine(t: number, logger: string, level: string, msg: string, extra = ""): string {
  return `logger=${logger} t=${iso(t)} level=${level} msg="${msg}"${extra ? ` ${extra}` : ""}`;
}

export function uvicornAccess(ip: string, path: string, status = 200): string {
  return `INFO:     ${ip} - "GET ${path} HTTP/1.1" ${status} ${status === 200 ? "OK" : "Not Found"}`;
}

export const AIRFLOW_BANNER = [
  "  ____________       _____________",
  " ____    |__( )_________  __/__  /________      __",
  "____  /| |_  /__  ___/_  /_ __  /_  __ \\_ | /| / /",
  "___  ___ |  / _  /   _  __/ _  / / /_/ /_ |/ |/ /",
  " _/_/  |_/_/  /_/    /_/    /_/  \\____/____/|__/",
];
