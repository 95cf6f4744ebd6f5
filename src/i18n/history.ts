import { defineCatalog, lvPlural } from "./define.ts";

/**
 * What a reply moved to a task came with, as mrkdwn: `change` the edit that moved it
 * ({@link lv.editChange}'s text, ": „…” → „…”"); `excerpt` its text when moved otherwise (quoted
 * by the catalogue); "withdrawn" when withdrawn later (no text shown); null: nothing to show.
 */
export type MovedHereText = { change: string } | { excerpt: string } | "withdrawn" | null;

const WITHDRAWN_LV = " _(atsaukta – teksts netiek rādīts)_";
const WITHDRAWN_EN = " _(withdrawn – the text is not shown)_";

function movedHereLv(text: MovedHereText): string {
  if (text === null) return "";
  if (text === "withdrawn") return WITHDRAWN_LV;
  return "change" in text ? `, labojot tekstu${text.change}` : `: „${text.excerpt}”`;
}

function movedHereEn(text: MovedHereText): string {
  if (text === null) return "";
  if (text === "withdrawn") return WITHDRAWN_EN;
  return "change" in text ? ` by an edit${text.change}` : `: “${text.excerpt}”`;
}

const entriesLv = (n: number) => `${n} ${lvPlural(n, "ieraksts", "ieraksti")}`;

/** A message's link beside its author (", <…|atvērt ziņu>"), or "" without one. */
const openLv = (link: string) => (link ? `, <${link}|atvērt ziņu>` : "");
/** As {@link openLv}, in English. */
const openEn = (link: string) => (link ? `, <${link}|open message>` : "");

const lv = {
  title: (number: string) => `Uzdevuma ${number} vēsture`,
  page: (page: number, pages: number, total: number) =>
    `${page}. lapa no ${pages} · ${entriesLv(total)}, jaunākie vispirms`,
  noSuchPage: (page: number, pages: number) =>
    `Lapas ${page} nav: vēsturē ir ${pages} ${lvPlural(pages, "lapa", "lapas")}. Rādu pēdējo.`,
  badPage: (page: string, number: string, max: number) =>
    `Lapas numuram jābūt skaitlim no 1 līdz ${max}, nevis „${page}”: \`/task ${number} history 2\`.`,
  empty: "Ierakstu vēl nav.",
  imported: (status: string, actor: string) => `📥 Importēts ar statusu ${status} (${actor})`,
  /** Who an import's entries name instead of the internal actor ("import:seed", "import:<file>"). */
  importActor: {
    seed: "no pievienotā ziņojuma",
    other: "imports",
    file: (name: string) => `imports no faila „${name}”`,
  },
  status: (from: string, to: string, actor: string) =>
    `🔁 Statuss mainīts: ${from} → ${to} (${actor})`,
  /** A side of a status change with no status of its own (cleared by `set status none`). */
  noStatus: "bez sava statusa",
  change: (items: string[], actor: string) => `✏️ ${items.join("; ")} (${actor})`,
  changeItem: (label: string, before: string, after: string) => `${label}: ${before} → ${after}`,
  quoted: (text: string) => `„${text}”`,
  none: "nav",
  /** Human names of a task's audited fields (store column → label). */
  fields: {
    deadline: "Termiņš",
    title: "Nosaukums",
    institutions: "Institūcijas",
    section: "Rīcības virziens",
    parent_number: "Virsuzdevums",
    indicator: "Rezultatīvais rādītājs",
    progress: "Izpildes gaita",
    printed_number: "Numurs tabulā",
    position: "Vieta tabulā",
  },
  /**
   * `cutoff`: the reply's cut-off as `/task` names it, "#1" ({@link lv.cutoffRef}). `link`: the
   * message's address, or "" for none (a form's reply, a withdrawn one). It stands beside the
   * author, before the text (as `/task N` places it), so its word never reads as the reply's
   * last one; so in {@link lv.replyEdited}, {@link lv.replyMovedHere} and {@link lv.replyMovedAway}.
   */
  reply: (code: string, user: string, cutoff: string, excerpt: string, link: string) =>
    `💬 *${code}* (<@${user}>, ${cutoff}${openLv(link)}): „${excerpt}”`,
  claim: (label: string) => ` — statuss: _${label}_`,
  /** After a reply received once its cut-off had passed, as `/task` and the digest mark it. */
  late: " _(pēc ziņošanas termiņa)_",
  /** Instead of `late`: its institution had answered the task in time (a supplement). */
  supplemented: " _(papildināts pēc ziņošanas termiņa)_",
  /** A cut-off as a reply line names it, as `/task` does ("#1"). */
  cutoffRef: (id: number) => `#${id}`,
  /**
   * A reply's deletion, at the time it was deleted (the line's date): who, which cut-off
   * ({@link lv.cutoffRef}), the day it was received (`formatInstantDay`); no text, no link.
   */
  replyDeleted: (code: string, user: string, cutoff: string, received: string) =>
    `🗑️ *${code}* atbilde dzēsta un atsaukta (<@${user}>, ${cutoff}, saņemta ${received})`,
  /** A withdrawn reply: who and when, without its text (its message was deleted). */
  replyWithdrawn: (code: string, user: string, cutoff: string) =>
    `💬 *${code}* (<@${user}>, ${cutoff}) _(atsaukta – teksts netiek rādīts)_`,
  replyEdited: (code: string, user: string, cutoff: string, link: string) =>
    `✏️ *${code}* atbilde labota (<@${user}>, ${cutoff}${openLv(link)})`,
  /** After {@link replyEdited} or a move by an edit: the text before and after (quoted, mrkdwn). */
  editChange: (before: string, after: string) => `: „${before}” → „${after}”`,
  /** Instead of {@link editChange} when the edit changed only spaces or line breaks. */
  editWhitespace: ": labotas tikai atstarpes",
  /**
   * A reply moved to this task (`from` the task it had, or none) or away from it (`to`);
   * `received` the day it was received ("18.01.2027.", `formatInstantDay`); `text` what it came
   * with ({@link MovedHereText}); `mover` who moved it when that was not its author (the author
   * moving it by an edit is named once); `late`: received after its cut-off's time, said beside
   * `received` ("saņemta 18.01.2027. pēc ziņošanas termiņa").
   */
  replyMovedHere: (
    code: string,
    user: string,
    cutoff: string,
    received: string,
    from: string | null,
    text: MovedHereText,
    mover: string | null,
    link: string,
    late: boolean,
  ) =>
    `↪️ *${code}* atbilde (<@${user}>, ${cutoff}, saņemta ${received}${late ? " pēc ziņošanas termiņa" : ""}${openLv(link)}) ${from ? `pārvietota uz šo uzdevumu no uzdevuma ${from}` : "piesaistīta šim uzdevumam"}${movedHereLv(text)}${mover ? `; pārvietoja ${mover}` : ""}`,
  /**
   * `excerpt`: the text it had on this task (quoted, mrkdwn), or null (withdrawn: not shown);
   * `to` null: taken off the task, under none (an edit naming only a task not asked there).
   */
  replyMovedAway: (
    code: string,
    user: string,
    cutoff: string,
    received: string,
    to: string | null,
    excerpt: string | null,
    mover: string | null,
    link: string,
    late: boolean,
  ) =>
    `↪️ *${code}* atbilde (<@${user}>, ${cutoff}, saņemta ${received}${late ? " pēc ziņošanas termiņa" : ""}${openLv(link)}) ${to === null ? "noņemta no šī uzdevuma (tagad nav pievienota nevienam uzdevumam)" : `pārvietota uz uzdevumu ${to}`}${excerpt === null ? " _(atsaukta – teksts netiek rādīts)_" : `: „${excerpt}”`}${mover ? `; pārvietoja ${mover}` : ""}`,
  unverified: " _(nepārbaudīta)_",
  /** `cutoff`: "#1 „Informatīvais ziņojums MK”" ({@link lv.cutoffNamed}). */
  reminder: (code: string, cutoff: string, overdue: boolean) =>
    `🔔 Atgādinājums institūcijai *${code}* (${cutoff})${overdue ? " pēc termiņa" : ""}`,
  /** A cut-off by number and title, as `/task` names another cut-off: "#1 „…”". */
  cutoffNamed: (id: number, title: string) => `#${id} „${title}”`,
  /** After a reminder of a removed cut-off: `day` the day it was removed, "30.11.2026." (`formatInstantDay`). */
  cutoffRemoved: (day: string) => ` _(termiņš noņemts ${day})_`,
  open: "atvērt",
  older: "Vecāki ieraksti ⟶",
  newer: "⟵ Jaunāki ieraksti",
  fallback: (number: string) => `Uzdevuma ${number} vēsture`,
};

const en: typeof lv = {
  title: (number) => `History of task ${number}`,
  page: (page, pages, total) =>
    `Page ${page} of ${pages} · ${total} ${total === 1 ? "entry" : "entries"}, newest first`,
  noSuchPage: (page, pages) =>
    `There is no page ${page}: the history has ${pages} ${pages === 1 ? "page" : "pages"}. Showing the last.`,
  badPage: (page, number, max) =>
    `The page must be a number from 1 to ${max}, not “${page}”: \`/task ${number} history 2\`.`,
  empty: "Nothing recorded yet.",
  imported: (status, actor) => `📥 Imported with status ${status} (${actor})`,
  importActor: {
    seed: "from the bundled report",
    other: "import",
    file: (name) => `import from the file “${name}”`,
  },
  status: (from, to, actor) => `🔁 Status changed: ${from} → ${to} (${actor})`,
  noStatus: "no status of its own",
  change: (items, actor) => `✏️ ${items.join("; ")} (${actor})`,
  changeItem: (label, before, after) => `${label}: ${before} → ${after}`,
  quoted: (text) => `“${text}”`,
  none: "none",
  fields: {
    deadline: "Deadline",
    title: "Title",
    institutions: "Institutions",
    section: "Section",
    parent_number: "Parent task",
    indicator: "Result indicator",
    progress: "Progress",
    printed_number: "Number in the table",
    position: "Place in the table",
  },
  reply: (code, user, cutoff, excerpt, link) =>
    `💬 *${code}* (<@${user}>, ${cutoff}${openEn(link)}): “${excerpt}”`,
  claim: (label) => ` — status: _${label}_`,
  late: " _(after the reporting cut-off)_",
  supplemented: " _(supplemented after the reporting cut-off)_",
  cutoffRef: (id) => `#${id}`,
  replyDeleted: (code, user, cutoff, received) =>
    `🗑️ *${code}* reply deleted and withdrawn (<@${user}>, ${cutoff}, received ${received})`,
  replyWithdrawn: (code, user, cutoff) =>
    `💬 *${code}* (<@${user}>, ${cutoff}) _(withdrawn – the text is not shown)_`,
  replyEdited: (code, user, cutoff, link) =>
    `✏️ *${code}* reply edited (<@${user}>, ${cutoff}${openEn(link)})`,
  editChange: (before, after) => `: “${before}” → “${after}”`,
  editWhitespace: ": only whitespace changed",
  replyMovedHere: (code, user, cutoff, received, from, text, mover, link, late) =>
    `↪️ *${code}* reply (<@${user}>, ${cutoff}, received ${received}${late ? " after the reporting cut-off" : ""}${openEn(link)}) ${from ? `moved here from task ${from}` : "attributed to this task"}${movedHereEn(text)}${mover ? `; moved by ${mover}` : ""}`,
  replyMovedAway: (code, user, cutoff, received, to, excerpt, mover, link, late) =>
    `↪️ *${code}* reply (<@${user}>, ${cutoff}, received ${received}${late ? " after the reporting cut-off" : ""}${openEn(link)}) ${to === null ? "taken off this task (now under no task)" : `moved to task ${to}`}${excerpt === null ? " _(withdrawn – the text is not shown)_" : `: “${excerpt}”`}${mover ? `; moved by ${mover}` : ""}`,
  unverified: " _(unverified)_",
  reminder: (code, cutoff, overdue) =>
    `🔔 Reminder to *${code}* (${cutoff})${overdue ? " after the cut-off" : ""}`,
  cutoffNamed: (id, title) => `#${id} “${title}”`,
  cutoffRemoved: (day) => ` _(cut-off removed ${day})_`,
  open: "open",
  older: "Older entries ⟶",
  newer: "⟵ Newer entries",
  fallback: (number) => `History of task ${number}`,
};

/** Texts of `/task N history`. */
export const historyText = defineCatalog<typeof lv>({ lv, en });
