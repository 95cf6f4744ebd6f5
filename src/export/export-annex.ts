import type { Db } from "../../db/client.ts";
import type { Locale } from "../config.ts";
import { exportText } from "../i18n/export.ts";
import { ANNEX_FORMATS, type AnnexFormat } from "./annex-formats.ts";
import {
  type AnnexModel,
  type AnnexProblem,
  annexMentionedUsers,
  buildAnnex,
} from "./annex-model.ts";
import { renderCsv } from "./csv.ts";

export { ANNEX_FORMATS, type AnnexFormat };

/** MIME types per format (for uploads). */
export const MIME: Record<AnnexFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
};

/** What to export. `locale` is the document's language (headings, marks, dates). */
export interface AnnexRequest {
  format: AnnexFormat;
  cutoffId?: number;
  includeUnverified?: boolean;
  locale: Locale;
  zone: string;
  /**
   * Names people as Slack shows them, by user ID (e.g. `userNames` of src/cli/local-names.ts),
   * for the mentions in the replies (`<@U…>` → "@name"); asked once, with the IDs mentioned.
   * Without it, or for an ID it leaves out, a mention reads as its label or its ID.
   */
  userNames?: (ids: string[]) => Promise<ReadonlyMap<string, string>>;
}

/** An exported annex: its file name, bytes, and the model it was built from. */
export interface ExportedAnnex {
  fileName: string;
  bytes: Buffer;
  model: AnnexModel;
  /** XLSX cells too long for Excel: shortened with a mark, whole on the "Full text" sheet; else 0. */
  continued: number;
}

/**
 * Builds the annex from the store and renders it in the requested format.
 * Returns a problem (no programme, no such cut-off) instead of throwing for what a user can fix.
 */
export async function exportAnnex(
  db: Db,
  req: AnnexRequest,
): Promise<ExportedAnnex | AnnexProblem> {
  const model = await buildAnnex(db, {
    cutoffId: req.cutoffId,
    includeUnverified: req.includeUnverified,
  });
  if ("problem" in model) return model;
  const mentioned = annexMentionedUsers(model);
  if (req.userNames && mentioned.length > 0)
    model.names = { users: await req.userNames(mentioned).catch(() => new Map()) };
  const t = exportText(req.locale);
  const { bytes, continued } =
    req.format === "docx"
      ? { bytes: await (await import("./docx.ts")).renderDocx(model, t, req.zone), continued: 0 }
      : req.format === "xlsx"
        ? await (await import("./xlsx.ts")).renderXlsx(model, t, req.zone)
        : { bytes: renderCsv(model, t, req.zone), continued: 0 };
  const fileName = t.fileName(model.programme.code, model.cutoff?.id ?? null, req.format);
  return { fileName, bytes, model, continued };
}
