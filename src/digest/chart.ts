/**
 * The digest's picture: a horizontal stacked bar per institution counting its tasks in the
 * current cut-off by how they stand (done / partial / in progress / no reply), rendered on the
 * server: a Vega-Lite spec (https://vega.github.io/vega-lite/) compiled to Vega, rendered to
 * SVG headless (`renderer: "none"`, no canvas), then rasterised to PNG by resvg. The font is
 * DejaVu Sans from the `dejavu-fonts-ttf` package (Latvian letters, no system fonts needed).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import { CHART_STATUSES, type ChartStatus, type InstitutionStanding } from "./model.ts";

/** Chart width in CSS pixels; the PNG has {@link CHART_SCALE} times as many. */
export const CHART_WIDTH = 800;
/** Height without bars (title, axis, legend, padding), in CSS pixels. */
export const CHART_BASE_HEIGHT = 110;
/** Height per institution's bar, in CSS pixels. */
export const CHART_ROW_HEIGHT = 26;
/** Pixel density of the PNG (2: sharp on high-density screens). */
export const CHART_SCALE = 2;

/** Colours per status: green, amber, blue, grey (distinct for colour-blind readers too). */
const COLOURS: Record<ChartStatus, string> = {
  done: "#1b7837",
  partial: "#e6a100",
  in_progress: "#2166ac",
  no_reply: "#9e9e9e",
};

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(FONT_DIR, f));

/** A rendered chart: PNG bytes and its size in pixels. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  /** One line per institution, for the alt text and the tests. */
  summary: string;
}

/** The PNG's size for `rows` institutions, in pixels (what {@link renderStatusChart} returns). */
export function chartSize(rows: number): { width: number; height: number } {
  const height = CHART_BASE_HEIGHT + CHART_ROW_HEIGHT * Math.max(1, rows);
  return { width: CHART_WIDTH * CHART_SCALE, height: height * CHART_SCALE };
}

/** The Vega-Lite spec of the chart (exported for inspection and tests). */
export function chartSpec(
  institutions: readonly InstitutionStanding[],
  locale: Locale,
  cutoffTitle: string | null,
): TopLevelSpec {
  const t = digestText(locale);
  const values = institutions.flatMap((i) =>
    CHART_STATUSES.map((s, order) => ({
      institution: i.code,
      status: t.chart[s],
      order,
      n: i.chart[s],
    })),
  );
  const { width, height } = chartSize(institutions.length);
  return {
    width: width / CHART_SCALE,
    height: height / CHART_SCALE,
    autosize: { type: "fit", contains: "padding" },
    padding: { left: 12, top: 12, bottom: 12, right: 28 },
    background: "white",
    title: { text: t.chartTitle(cutoffTitle), anchor: "start", fontSize: 15 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "institution",
        type: "nominal",
        sort: institutions.map((i) => i.code),
        title: null,
      },
      x: {
        field: "n",
        type: "quantitative",
        aggregate: "sum",
        title: t.chartAxis,
        axis: { tickMinStep: 1, format: "d" },
      },
      color: {
        field: "status",
        type: "nominal",
        scale: {
          domain: CHART_STATUSES.map((s) => t.chart[s]),
          range: CHART_STATUSES.map((s) => COLOURS[s]),
        },
        legend: { orient: "bottom", title: null },
      },
      order: { field: "order" },
    },
    config: { font: "DejaVu Sans", view: { stroke: null } },
  };
}

/**
 * Renders the chart to PNG ({@link chartSize} pixels).
 * @throws Error when Vega or resvg fails (a bug, not bad data: any standings render).
 */
export async function renderStatusChart(
  institutions: readonly InstitutionStanding[],
  locale: Locale,
  cutoffTitle: string | null,
): Promise<ChartImage> {
  // Loaded here, not at start: Vega, Vega-Lite and resvg take ~50 MB that a process serving
  // `/task` never needs.
  const [vega, { compile }, { Resvg }] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("@resvg/resvg-js"),
  ]);
  const spec = compile(chartSpec(institutions, locale, cutoffTitle)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: CHART_SCALE },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "DejaVu Sans" },
  });
  const image = resvg.render();
  const t = digestText(locale);
  const summary = institutions
    .map((i) => `${i.code}: ${CHART_STATUSES.map((s) => `${t.chart[s]} ${i.chart[s]}`).join(", ")}`)
    .join("; ");
  return { png: image.asPng(), width: image.width, height: image.height, summary };
}
