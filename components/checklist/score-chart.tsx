import type { HistoryEntry } from "@/lib/checklist-service/api-types";

const W = 640;
const H = 120;
const PAD = 8;

/** Score over time (oldest left); each run is a dot coloured by its gate. A plain SVG with a text summary. */
export function ScoreChart({ runs }: { runs: HistoryEntry[] }) {
  const points = [...runs].reverse();
  if (points.length < 2) return null;
  const t0 = Date.parse(points[0].at);
  const span = Math.max(1, Date.parse(points[points.length - 1].at) - t0);
  const x = (r: HistoryEntry) => PAD + ((Date.parse(r.at) - t0) / span) * (W - 2 * PAD);
  const y = (r: HistoryEntry) => PAD + (1 - r.score / 100) * (H - 2 * PAD);
  const path = points.map((r, i) => `${i ? "L" : "M"}${x(r).toFixed(1)},${y(r).toFixed(1)}`).join(" ");
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure className="mb-4">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-3xl rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        role="img"
        aria-label={`Score from ${first.score} to ${last.score} over ${points.length} runs`}
      >
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line
              x1={PAD}
              x2={W - PAD}
              y1={PAD + (1 - v / 100) * (H - 2 * PAD)}
              y2={PAD + (1 - v / 100) * (H - 2 * PAD)}
              className="stroke-slate-200 dark:stroke-slate-700"
              strokeDasharray="3 3"
            />
            <text
              x={W - PAD}
              y={PAD + (1 - v / 100) * (H - 2 * PAD) - 2}
              textAnchor="end"
              className="fill-slate-400 text-[9px]"
            >
              {v}
            </text>
          </g>
        ))}
        <path d={path} fill="none" className="stroke-blue-600" strokeWidth={1.5} />
        {points.map((r) => (
          <circle
            key={r.id}
            cx={x(r)}
            cy={y(r)}
            r={3.5}
            className={r.gate === "pass" ? "fill-green-600" : "fill-red-600"}
          >
            <title>{`${r.at}: score ${r.score}, gate ${r.gate}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Score per stored run (dots: green = gate passes, red = gate fails).
      </figcaption>
    </figure>
  );
}
