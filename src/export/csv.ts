import { stringify } from "csv-stringify/sync";
import type { ExportText } from "../i18n/export.ts";
import type { AnnexModel } from "./annex-model.ts";
import { annexTable } from "./table.ts";

/**
 * The annex as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): a heading record, then
 * one record per task (see `annexTable`); CRLF between records, fields with commas, quotes or
 * line breaks quoted, quotes doubled. UTF-8 with a byte-order mark, without which Excel reads
 * the Latvian letters wrongly; `import --format csv` skips it.
 */
export function renderCsv(model: AnnexModel, t: ExportText, zone: string): Buffer {
  const table = annexTable(model, t, zone);
  const text = stringify([table.header, ...table.rows], {
    record_delimiter: "windows",
    bom: true,
    // RFC 4180: a field with a line break (LF alone too), a quote or a comma is quoted.
    quoted_match: /[\r\n",]/,
  });
  return Buffer.from(text, "utf8");
}
