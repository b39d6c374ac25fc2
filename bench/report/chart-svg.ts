// A self-contained SVG (renders on GitHub, no scripts): latency p50/p99 against clients for the target and the
// baselines, and the server's peak RSS against clients. Hand-drawn so the benchmark needs no charting package.
import type { LevelRow } from "./aggregate";
import type { TargetKind } from "../runner/servers";
import { TARGET_LABELS } from "../runner/servers";

interface Point {
  x: number;
  y: number;
  valid: boolean;
}

interface Series {
  label: string;
  color: string;
  dash?: string;
  width: number;
  points: Point[];
}

interface Panel {
  title: string;
  yLabel: string;
  logY: boolean;
  series: Series[];
}

const COLORS: Record<TargetKind, string> = { target: "#d62728", socketio: "#1f77b4", ws: "#2ca02c" };
const PANEL_WIDTH = 520;
const PANEL_HEIGHT = 380;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 };

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const fmt = (value: number) =>
  value >= 100
    ? value.toFixed(0)
    : value >= 10
      ? value.toFixed(0)
      : value >= 1
        ? value.toFixed(1).replace(/\.0$/, "")
        : value.toPrecision(1);

/** 1, 2, 5, 10, 20, 50 … covering [min, max]. */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max * 10; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const tick = decade * step;
      if (tick >= min * 0.999 && tick <= max * 1.001) ticks.push(tick);
    }
  }
  return ticks;
}

function linearTicks(max: number): number[] {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, index) => index * step);
}

function drawPanel(panel: Panel, clients: number[], offsetX: number): string {
  const plotWidth = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = panel.series.flatMap((series) => series.points.map((point) => point.y)).filter((y) => y > 0);
  if (values.length === 0) return "";

  const xMin = Math.min(...clients) / 1.3;
  const xMax = Math.max(...clients) * 1.3;
  const yMin = panel.logY ? 10 ** Math.floor(Math.log10(Math.min(...values))) : 0;
  const yMax = panel.logY ? 10 ** Math.ceil(Math.log10(Math.max(...values))) : Math.max(...values) * 1.15;
  const sx = (x: number) =>
    offsetX + MARGIN.left + ((Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * plotWidth;
  const sy = (y: number) =>
    MARGIN.top +
    plotHeight -
    (panel.logY ? (Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin)) : y / yMax) * plotHeight;

  const parts: string[] = [];
  parts.push(
    `<text x="${offsetX + PANEL_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`,
  );
  for (const tick of panel.logY ? logTicks(yMin, yMax) : linearTicks(yMax)) {
    const y = sy(tick);
    parts.push(
      `<line x1="${offsetX + MARGIN.left}" x2="${offsetX + MARGIN.left + plotWidth}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`,
    );
    parts.push(
      `<text x="${offsetX + MARGIN.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${fmt(tick)}</text>`,
    );
  }
  for (const tick of clients) {
    const x = sx(tick);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#f0f0f0"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle" font-size="11">${tick}</text>`);
  }
  parts.push(
    `<rect x="${offsetX + MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`,
  );
  parts.push(
    `<text x="${offsetX + MARGIN.left + plotWidth / 2}" y="${PANEL_HEIGHT - 10}" text-anchor="middle" font-size="12">connected clients (log scale)</text>`,
  );
  parts.push(
    `<text transform="translate(${offsetX + 16} ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(panel.yLabel)}</text>`,
  );

  for (const series of panel.series) {
    const points = series.points.filter((point) => point.y > 0).sort((a, b) => a.x - b.x);
    if (points.length === 0) continue;
    const path = points
      .map((point, index) => `${index === 0 ? "M" : "L"}${sx(point.x).toFixed(1)},${sy(point.y).toFixed(1)}`)
      .join(" ");
    parts.push(
      `<path d="${path}" fill="none" stroke="${series.color}" stroke-width="${series.width}"${series.dash ? ` stroke-dasharray="${series.dash}"` : ""}/>`,
    );
    for (const point of points) {
      parts.push(
        `<circle cx="${sx(point.x).toFixed(1)}" cy="${sy(point.y).toFixed(1)}" r="3.5" fill="${point.valid ? series.color : "#fff"}" stroke="${series.color}"><title>${escapeXml(`${series.label}: ${fmt(point.y)} at ${point.x} clients${point.valid ? "" : " (invalid)"}`)}</title></circle>`,
      );
    }
  }
  return parts.join("\n");
}

function legend(series: Series[], y: number): string {
  return series
    .map((item, index) => {
      const x = 20 + (index % 3) * 330;
      const rowY = y + Math.floor(index / 3) * 18;
      return `<line x1="${x}" x2="${x + 28}" y1="${rowY}" y2="${rowY}" stroke="${item.color}" stroke-width="${item.width}"${item.dash ? ` stroke-dasharray="${item.dash}"` : ""}/><text x="${x + 34}" y="${rowY + 4}" font-size="12">${escapeXml(item.label)}</text>`;
    })
    .join("\n");
}

export function renderChart(rows: readonly LevelRow[], title: string): string {
  const clients = [...new Set(rows.map((row) => row.clients))].sort((a, b) => a - b);
  const targets = [...new Set(rows.map((row) => row.target))];
  const pointsOf = (
    generator: string,
    target: TargetKind,
    pick: (row: LevelRow) => number | null | undefined,
  ): Point[] =>
    rows
      .filter((row) => row.generator === generator && row.target === target)
      .map((row) => ({ x: row.clients, y: pick(row) ?? 0, valid: row.valid }));

  const latencySeries: Series[] = targets.flatMap((target) => [
    {
      label: `${TARGET_LABELS[target]} p99 (Artillery)`,
      color: COLORS[target],
      width: 2.5,
      points: pointsOf("artillery", target, (row) => row.latencyMs?.p99),
    },
    {
      label: `${TARGET_LABELS[target]} p50 (Artillery)`,
      color: COLORS[target],
      width: 1.5,
      dash: "6 4",
      points: pointsOf("artillery", target, (row) => row.latencyMs?.p50),
    },
    {
      label: `${TARGET_LABELS[target]} p99 (cross-check)`,
      color: COLORS[target],
      width: 1,
      dash: "2 3",
      points: pointsOf("crosscheck", target, (row) => row.latencyMs?.p99),
    },
  ]);
  const memorySeries: Series[] = targets.map((target) => {
    const generator = rows.some((row) => row.generator === "artillery" && row.target === target)
      ? "artillery"
      : "crosscheck";
    return {
      label: `${TARGET_LABELS[target]} peak RSS`,
      color: COLORS[target],
      width: 2.5,
      points: pointsOf(generator, target, (row) => row.serverRssPeakMB),
    };
  });

  const legendRows = Math.ceil(latencySeries.filter((series) => series.points.length > 0).length / 3);
  const height = PANEL_HEIGHT + 30 + legendRows * 18 + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL_WIDTH * 2}" height="${height}" viewBox="0 0 ${PANEL_WIDTH * 2} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">
<title>${escapeXml(title)}</title>
<rect width="100%" height="100%" fill="#fff"/>
${drawPanel({ title: "Broadcast latency (median of repeats)", yLabel: "milliseconds (log scale)", logY: true, series: latencySeries }, clients, 0)}
${drawPanel({ title: "Server memory: peak RSS", yLabel: "MB", logY: false, series: memorySeries }, clients, PANEL_WIDTH)}
${legend(
  latencySeries.filter((series) => series.points.length > 0),
  PANEL_HEIGHT + 20,
)}
<text x="20" y="${height - 8}" font-size="11" fill="#555">${escapeXml(`${title} · hollow marker: invalid level (load generator over 80 % of a core, or clients missing)`)}</text>
</svg>
`;
}
