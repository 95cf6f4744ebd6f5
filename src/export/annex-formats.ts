/**
 * The annex's formats on their own (no exporter behind them), so that the CLI's help can name
 * them without loading the exporters; export-annex.ts re-exports both.
 */

/** The formats the annex exports to. */
export const ANNEX_FORMATS = ["docx", "xlsx", "csv"] as const;
/** An annex format. */
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];
