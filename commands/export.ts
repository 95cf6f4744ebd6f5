import { userNames } from "../src/cli/local-names.ts";
import type { Locale } from "../src/config.ts";
import type { AnnexModel } from "../src/export/annex-model.ts";
import { type OutgoingFile, uploadToDm } from "../src/export/dm-upload.ts";
import { ANNEX_FORMATS, type AnnexFormat, exportAnnex } from "../src/export/export-annex.ts";
import { exportCommandText } from "../src/i18n/export-command.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { formatInstantDay } from "../src/slack/format.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { maySecretary, notice } from "./access.ts";
import { isHelpWord, readId } from "./args.ts";
import { secretaryRefusal } from "./secretary-only.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** What `/export <text>` asks for. */
export type ExportInput =
  | { kind: "help" }
  | {
      kind: "annex";
      cutoffId?: number;
      format: AnnexFormat;
      includeUnverified: boolean;
      /** The document's language; default the app's DEFAULT_LOCALE. */
      lang?: Locale;
    }
  /** `word`: the first word after "annex" it did not understand (a format like "pdf"?). */
  | { kind: "invalid"; text: string; word?: string };

/**
 * Reads the text after `/export`: "annex" (or "pielikums"), then in any order a cut-off id
 * ("3", "#3"), a format ("docx" default, "xlsx", "csv"), "--include-unverified", "--lang en".
 * Pure; never throws.
 */
export function parse(text: string): ExportInput {
  const [verb = "", ...rest] = text.trim().split(/\s+/u);
  if (verb === "" || isHelpWord(verb)) return { kind: "help" };
  if (!["annex", "pielikums"].includes(verb.toLowerCase())) return { kind: "invalid", text };
  const input: Extract<ExportInput, { kind: "annex" }> = {
    kind: "annex",
    format: "docx",
    includeUnverified: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const word = (rest[i] ?? "").toLowerCase();
    const id = readId(word);
    if (id !== null && input.cutoffId === undefined) input.cutoffId = id;
    else if ((ANNEX_FORMATS as readonly string[]).includes(word))
      input.format = word as AnnexFormat;
    else if (word === "--include-unverified") input.includeUnverified = true;
    else if (word === "--lang" && (rest[i + 1] === "lv" || rest[i + 1] === "en"))
      input.lang = rest[++i] as Locale;
    else return { kind: "invalid", text, word: rest[i] };
  }
  return input;
}

/**
 * Answers `/export annex …`: a secretary (or the CLI) gets the annex as a file in a direct
 * message, with a line saying how many replies it holds and how many are missing. Others get
 * the secretary-only refusal ({@link secretaryRefusal}) before anything else, their mistakes
 * included, since correcting them would not help.
 */
export async function handle(
  input: ExportInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = exportCommandText(ctx.locale);
  if (!(await maySecretary(deps, ctx))) return secretaryRefusal(deps, ctx, t.action);
  if (input.kind === "help") return notice(t.exportUsage, undefined, true);
  if (input.kind === "invalid") {
    const shown = echoTypedText(input.word ?? input.text, 40);
    // A bare word after "annex" is most likely a format the annex is not made in ("pdf").
    const format = input.word !== undefined && /^\p{L}[\p{L}\d]*$/u.test(input.word);
    return notice(
      format ? t.notAFormat(shown, ANNEX_FORMATS.join(", ")) : t.notUnderstood(shown),
      t.exportHint,
      false,
    );
  }
  const annex = await exportAnnex(deps.db, {
    format: input.format,
    cutoffId: input.cutoffId,
    includeUnverified: input.includeUnverified,
    locale: input.lang ?? deps.config.defaultLocale,
    zone: deps.config.timezone,
    // People the replies mention read "@name" in the document, as Slack names them.
    userNames: (ids) => userNames(deps.config, ids),
  });
  if ("problem" in annex)
    return notice(
      annex.problem === "no_cutoff" ? t.noCutoff(annex.id) : t.noProgramme,
      undefined,
      false,
    );
  const counts = countAnnex(annex.model);
  const removedAt = annex.model.cutoff?.removedAt;
  const summary = [
    annex.model.cutoff && removedAt
      ? t.removedCutoff(
          annex.model.cutoff.id,
          formatInstantDay(removedAt, deps.config.timezone, ctx.locale),
        )
      : "",
    t.annexSummary(counts.tasks, counts.replies, counts.missing),
    annex.continued > 0 ? t.continued(annex.continued) : "",
  ]
    .filter((x) => x !== "")
    .join(" ");
  return deliver(
    deps,
    ctx,
    {
      fileName: annex.fileName,
      bytes: annex.bytes,
      title: annex.fileName,
      comment: `${t.annexComment(annex.model.programme.code)} ${summary}`,
    },
    summary,
  );
}

/** Tasks in the annex, replies it holds, institutions marked as not having replied. */
export function countAnnex(model: AnnexModel): { tasks: number; replies: number; missing: number } {
  const counts = { tasks: 0, replies: 0, missing: 0 };
  for (const row of model.rows) {
    if (row.kind !== "task") continue;
    counts.tasks++;
    if (row.progress.kind !== "replies") continue;
    for (const inst of row.progress.institutions) {
      counts.replies += inst.replies.length;
      if (inst.expected && inst.replies.length === 0) counts.missing++;
    }
  }
  return counts;
}

/**
 * Sends `file` to the caller's direct messages and answers where it went (plus `detail`);
 * a kind notice when there is no Slack client (the CLI) or the upload fails (logged).
 */
export async function deliver(
  deps: CommandDeps,
  ctx: CommandContext,
  file: OutgoingFile,
  detail: string,
): Promise<Reply> {
  const t = exportCommandText(ctx.locale);
  if (!deps.slack) return notice(t.noSlack, undefined, false);
  try {
    await uploadToDm(deps.slack, ctx.userId, file);
  } catch (error) {
    deps.logger.error(
      { err: error instanceof Error ? error.message : String(error) },
      "file not sent",
    );
    return notice(t.uploadFailed, undefined, false);
  }
  return notice(t.sent(escapeMrkdwn(file.fileName)), detail, true);
}

/** `/export`: the progress report's annex as DOCX, XLSX or CSV, sent to the secretary's DM. */
export const exportCommand: SlashCommand<ExportInput> = { name: "/export", parse, handle };
