import { DateTime } from "luxon";
import type { TaskStatus } from "../domain/types.ts";
import type { ExportText } from "../i18n/export.ts";
import { type MessageNames, slackPlainText } from "../slack/message-text.ts";
import type { AnnexSectionRow, AnnexTaskRow } from "./annex-model.ts";
import type { ProgressCell } from "./progress.ts";

/** One paragraph of a progress cell: an optional bold label ("LM, 12.01.2027.:"), its text. */
export interface ProgressParagraph {
  label: string | null;
  text: string;
  /** True for the mark of an institution that did not reply. */
  missing: boolean;
}

/** A UTC ISO instant as a day in `zone`, in the catalogue's date format ("12.01.2027."). */
export function formatDay(iso: string, t: ExportText, zone: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat(t.dateFormat);
}

/**
 * The paragraphs of a progress cell. Stored progress: its paragraphs as imported. Replies: one
 * paragraph per reply ("LM, 12.01.2027.: text (statuss: …)", "(pēc ziņošanas termiņa)" after
 * one received late, "(papildināts pēc ziņošanas termiņa)" instead when it is a supplement to a
 * task its institution answered in time: `ProgressReply.supplement`), its text as Slack sent it
 * read plainly (`slackPlainText`: `R&amp;D` → "R&D", `<@U1>` → "@name" by `names`, `<url|label>` →
 * "label (url)", `<!channel>` → "@channel"), and for an institution of the task that did not
 * reply, its code and the mark "ATBILDE NAV SAŅEMTA".
 */
export function progressParagraphs(
  cell: ProgressCell,
  t: ExportText,
  zone: string,
  names: MessageNames = {},
): ProgressParagraph[] {
  if (cell.kind === "stored") {
    const parts = cell.text ? cell.text.split(/\n{2,}/u) : [];
    return parts.map((text) => ({ label: null, text, missing: false }));
  }
  const out: ProgressParagraph[] = [];
  for (const inst of cell.institutions) {
    for (const reply of inst.replies) {
      const extras = [
        reply.claim ? `(${t.claim(t.claimLabel[reply.claim])})` : "",
        reply.verified ? "" : t.unverified,
        reply.supplement ? t.supplemented : reply.late ? t.late : "",
        reply.alsoNames.length > 0 ? t.alsoNames(reply.alsoNames) : "",
      ].filter((x) => x !== "");
      const text = [slackPlainText(reply.text, names), ...extras].filter((x) => x !== "").join(" ");
      out.push({ label: `${inst.code}, ${formatDay(reply.at, t, zone)}:`, text, missing: false });
    }
    if (inst.replies.length === 0 && inst.expected) {
      const text =
        inst.leftOut > 0 ? `${t.noReply} ${t.unverifiedLeftOut(inst.leftOut)}` : t.noReply;
      out.push({ label: `${inst.code}:`, text, missing: true });
    }
  }
  return out;
}

/**
 * A progress cell as plain text: paragraphs "label text" separated by blank lines; replies read
 * with `names` as {@link progressParagraphs} reads them.
 */
export function progressText(
  cell: ProgressCell,
  t: ExportText,
  zone: string,
  names: MessageNames = {},
): string {
  return progressParagraphs(cell, t, zone, names)
    .map((p) => (p.label ? `${p.label} ${p.text}` : p.text))
    .join("\n\n");
}

/** The status a row shows: the latest claim's, else the stored one. */
export function effectiveStatus(row: AnnexTaskRow): TaskStatus | null {
  return row.claim?.status ?? row.status;
}

/**
 * The result indicator a row shows: the stored one, unless the latest claim states another
 * status; then that status's phrase and who said so ("Uzdevums izpildīts daļēji (pēc LM
 * ziņām, 12.01.2027.)"), so the importer reads the claimed status back from it.
 */
export function indicatorText(row: AnnexTaskRow, t: ExportText, zone: string): string {
  const claim = row.claim;
  if (!claim || claim.status === row.status) return row.indicator ?? "";
  return `${t.statusPhrase[claim.status]} (${t.claimSource(claim.code, formatDay(claim.at, t, zone))})`;
}

/** A section's group row text: "I Datu apkopošana, pētnieciskais darbs" (numeral alone without a title). */
export function sectionText(row: AnnexSectionRow): string {
  return row.title ? `${row.section} ${row.title}` : row.section;
}
