/**
 * A small SVG line chart, written by hand (no native or chart dependency): x is categorical (the unit counts, evenly
 * spaced), y is linear from 0, each series a coloured line with its points labelled, goals as dashed lines.
 */
export interface Series {
  name: string;
  colour: string;
  /** One value per x; undefined where the figure was not measured. */
  values: (number | undefined)[];
  /** A goal drawn as a dashed line in the series' colour. */
  goal?: number;
  dashed?: boolean;
  /** Per x: the figure was attempted and did not finish (drawn as a cross at the top of the panel). */
  failed?: boolean[];
}

export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
  format: (value: number) => string;
  /** Logarithmic y (ratios that span 1× to tens of ×); linear from 0 otherwise. */
  log?: boolean;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function lineChartsSvg(options: { title: string; xLabel: string; xs: string[]; panels: Panel[] }): string {
  const panelWidth = 460;
  const panelHeight = 300;
  const legendRows = Math.max(...options.panels.map((panel) => panel.series.length));
  const margin = { top: 70, right: 20, bottom: 64 + legendRows * 16, left: 64 };
  const width = options.panels.length * (panelWidth + margin.left + margin.right);
  const height = panelHeight + margin.top + margin.bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escape(options.title)}</text>`,
  ];
  options.panels.forEach((panel, index) => {
    const left = index * (panelWidth + margin.left + margin.right) + margin.left;
    const top = margin.top;
    const values = panel.series.flatMap((s) => [
      ...s.values.filter((v): v is number => v !== undefined && v > 0),
      ...(s.goal === undefined ? [] : [s.goal]),
    ]);
    const x = (i: number) =>
      left + (options.xs.length === 1 ? panelWidth / 2 : 30 + (i * (panelWidth - 60)) / (options.xs.length - 1));
    let y: (v: number) => number;
    let ticks: number[];
    if (panel.log) {
      const all = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
      const low = all.filter((t) => t <= Math.min(1, ...values)).at(-1) ?? all[0]!;
      const high = all.find((t) => t >= Math.max(...values) * 1.05) ?? all.at(-1)!;
      const span = Math.log(high) - Math.log(low);
      y = (v) => top + panelHeight - ((Math.log(Math.max(v, low)) - Math.log(low)) / span) * panelHeight;
      ticks = all.filter((t) => t >= low && t <= high);
    } else {
      const yMax = niceCeiling(Math.max(1, ...values) * 1.1);
      y = (v) => top + panelHeight - (v / yMax) * panelHeight;
      ticks = Array.from({ length: 6 }, (_, t) => (yMax * t) / 5);
    }
    parts.push(
      `<text x="${left + panelWidth / 2}" y="${top - 24}" text-anchor="middle" font-size="14">${escape(panel.title)}</text>`,
      `<line x1="${left}" y1="${top + panelHeight}" x2="${left + panelWidth}" y2="${top + panelHeight}" stroke="#333"/>`,
      `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + panelHeight}" stroke="#333"/>`,
      `<text transform="translate(${left - 48} ${top + panelHeight / 2}) rotate(-90)" text-anchor="middle">${escape(panel.yLabel)}</text>`,
      `<text x="${left + panelWidth / 2}" y="${top + panelHeight + 36}" text-anchor="middle">${escape(options.xLabel)}</text>`,
    );
    for (const value of ticks) {
      parts.push(
        `<line x1="${left}" y1="${y(value)}" x2="${left + panelWidth}" y2="${y(value)}" stroke="#eee"/>`,
        `<text x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${escape(panel.format(value))}</text>`,
      );
    }
    options.xs.forEach((label, i) => {
      parts.push(`<text x="${x(i)}" y="${top + panelHeight + 18}" text-anchor="middle">${escape(label)}</text>`);
    });
    panel.series.forEach((series, s) => {
      if (series.goal !== undefined) {
        parts.push(
          `<line x1="${left}" y1="${y(series.goal)}" x2="${left + panelWidth}" y2="${y(series.goal)}" stroke="${series.colour}" stroke-dasharray="6 4" stroke-opacity="0.7"/>`,
        );
      }
      const points = series.values
        .map((value, i) => (value === undefined ? undefined : ([x(i), y(value), value] as const)))
        .filter((point) => point !== undefined);
      if (points.length > 1) {
        parts.push(
          `<polyline fill="none" stroke="${series.colour}" stroke-width="2"${series.dashed ? ' stroke-dasharray="3 3"' : ''} points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
        );
      }
      // Labels alternate above-right and below-left of their point, so series that meet stay readable.
      const [dx, dy, anchor] = s % 2 === 0 ? [6, -6, 'start'] : [-6, 14, 'end'];
      for (const [px, py, value] of points) {
        parts.push(
          `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3.5" fill="${series.colour}"/>`,
          `<text x="${(px + dx).toFixed(1)}" y="${(py + dy).toFixed(1)}" text-anchor="${anchor}" fill="${series.colour}" font-size="10">${escape(panel.format(value))}</text>`,
        );
      }
      series.failed?.forEach((failed, i) => {
        if (!failed) return;
        const [cx, cy] = [x(i), top + 10 + s * 14];
        parts.push(
          `<path d="M${cx - 5},${cy - 5} L${cx + 5},${cy + 5} M${cx - 5},${cy + 5} L${cx + 5},${cy - 5}" stroke="${series.colour}" stroke-width="2.5"/>`,
          `<text x="${cx - 9}" y="${cy + 4}" text-anchor="end" fill="${series.colour}" font-size="10">${escape(`${series.name}: did not finish`)}</text>`,
        );
      });
      const legendY = top + panelHeight + 60 + s * 16;
      const legendX = left;
      parts.push(
        `<line x1="${legendX}" y1="${legendY - 4}" x2="${legendX + 18}" y2="${legendY - 4}" stroke="${series.colour}" stroke-width="2"/>`,
        `<text x="${legendX + 24}" y="${legendY}">${escape(series.name + (series.goal !== undefined ? ` (goal ${panel.format(series.goal)}, dashed)` : '') + (series.failed?.some(Boolean) ? ' (✕: did not finish)' : ''))}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value)!;
  return step * power;
}
