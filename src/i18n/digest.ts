import type { ChartStatus, UnratedWhy } from "../digest/model.ts";
import type { UnreachableWhy } from "./cutoff-reach.ts";
import { defineCatalog, lvPlural } from "./define.ts";
import { historyHint, unreachableAdvice } from "./digest-history.ts";
import { noChannelNotice } from "./no-channel.ts";

/** " " and {@link historyHint} of `numbers`, or "" when there are none. */
function hint(numbers: string | readonly string[], locale: "lv" | "en"): string {
  return numbers.length === 0 ? "" : ` ${historyHint(numbers, locale)}`;
}

const lv = {
  title: (date: string) => `📋 Darba grupas kopsavilkums, ${date}`,
  draftTitle: (date: string) => `📝 Kopsavilkuma melnraksts, ${date}`,
  cutoffTitle: (cutoff: string) => `⏰ Ziņošanas termiņš pagājis: ${cutoff}`,
  /** The programme's size: `n` tasks and `subtasks` sub-tasks (0: "*26* uzdevumi"), as `/task help`. */
  tasks: (n: number, subtasks = 0) =>
    `*${n}* ${lvPlural(n, "uzdevums", "uzdevumi")}${subtasks > 0 ? ` un *${subtasks}* ${lvPlural(subtasks, "apakšuzdevums", "apakšuzdevumi")}` : ""}`,
  /** The digest's cut-off: title, number (`id`, as `/cutoff list` has it) and time. */
  cutoffLine: (title: string, date: string, answered: number, all: number, id?: number) =>
    `Ziņošanas termiņš *${title}* (${id === undefined ? "" : `#${id}, `}${date}): visu prasīto iesniegušas *${answered}* no *${all}* ${lvPlural(all, "institūcijas", "institūcijām")}.`,
  noCutoff: "Aktīva ziņošanas termiņa nav: institūciju daļa rāda visas saņemtās atbildes.",
  figures: (overdue: number, replies: number, changes: number) =>
    `Kavēti uzdevumi: *${overdue}* · jaunas atbildes: *${replies}* · statusa izmaiņas: *${changes}*`,
  nextSession: (when: string, title: string) => `Nākamā sēde: *${when}* – ${title}`,
  noSession: "Nākamā sēde vēl nav ieplānota (`/session add`).",
  period: (since: string | null) => (since ? `Periods: kopš ${since}` : "Periods: kopš sākuma"),
  previous: (id: number, date: string) => `iepriekšējais kopsavilkums #${id} (${date})`,
  digestId: (id: number) => `Kopsavilkums #${id}`,
  inThread: "Sīkāk – pavedienā ⤵",
  changesHeading: (since: string | null) =>
    since ? `Izmaiņas kopš ${since}` : "Izmaiņas kopš sākuma",
  statusChanges: "*Statusa izmaiņas*",
  /** `from`/`to`: each side as rendered (a status label, or `noOwnStatus` with its mark). */
  statusChange: (number: string, title: string, from: string, to: string) =>
    `• *${number}* ${title}: ${from} → ${to}`,
  /**
   * A side of a status change with no status (null in the model): none of its own, as `/task N
   * history` words it — a heading's is then rolled up from its sub-tasks; not the annex's "Bez
   * statusa" (no result indicator).
   */
  noOwnStatus: "bez sava statusa",
  noStatusChanges: "Statusa izmaiņu nav.",
  repliesHeading: (n: number) => `*Jaunas atbildes (${n})*`,
  /** `moved`: `movedFrom`'s mark after the task number, or "". */
  reply: (number: string, code: string, user: string, date: string, excerpt: string, moved = "") =>
    `• *${number}*${moved} · *${code}* · <@${user}> · ${date}: „${excerpt}”`,
  /** After a reply's task number: the task an edit moved it from since the previous digest. */
  movedFrom: (number: string) => ` (pārcelta no *${number}*)`,
  /** A reply filed under no task: the CLI's `replies` term ("bez uzdevuma"). */
  unassigned: "bez uzdevuma",
  claim: (label: string) => ` — _${label}_`,
  open: "atvērt",
  unverified: " _(nepārbaudīta)_",
  /** After a reply received once its cut-off had passed. */
  late: " _(pēc ziņošanas termiņa)_",
  /** Instead of `late`: the institution had answered the task in time (`DigestReply.supplement`). */
  supplemented: " _(papildināts pēc ziņošanas termiņa)_",
  alsoNames: (numbers: string[]) =>
    numbers.length === 1
      ? ` _(minēts arī uzdevums ${numbers[0]}, kas šo atbildi nesaņēma)_`
      : ` _(minēti arī uzdevumi ${numbers.join(", ")}, kas šo atbildi nesaņēma)_`,
  /** After a reply edited since the previous digest: when it was last edited. */
  edited: (date: string) => ` _(labota ${date})_`,
  /**
   * After a reply the app stored after an earlier digest had covered its post time (a refused
   * message edited into a reply, the collection job catching up): sent at `sent`, stored at
   * `stored` (a time only on the same day).
   */
  storedLater: (sent: string, stored: string) => ` _(saņemta ${sent}, saglabāta ${stored})_`,
  /** After a reply written in the thread of a cut-off since removed (its title, escaped). */
  inRemovedCutoff: (title: string) => ` _(noņemtā termiņa „${title}” pavedienā)_`,
  /**
   * After a reply to another live cut-off than the digest's (`id`, its day `date`): the one it
   * answers, so it never reads as an answer to the digest's cut-off.
   */
  forCutoff: (id: number, date: string) => ` _(uz ziņošanas termiņu #${id} (${date}))_`,
  noReplies: "Jaunu atbilžu nav.",
  editedHeading: (n: number) => `*Labotās atbildes (${n})*`,
  withdrawnHeading: (n: number) => `*Atsauktās atbildes (${n})*`,
  withdrawnLine: (number: string, code: string, date: string) =>
    `• *${number}* · *${code}* · atsaukta ${date}`,
  /** Appended to the headline's figures: replies edited or withdrawn since the previous digest. */
  figuresChanged: (edited: number, withdrawn: number) =>
    `${edited > 0 ? ` · labotas atbildes: *${edited}*` : ""}${withdrawn > 0 ? ` · atsauktas atbildes: *${withdrawn}*` : ""}`,
  institutionsHeading: (cutoff: string | null) =>
    cutoff ? `Institūcijas: ${cutoff}` : "Institūcijas: visas atbildes",
  institutionLine: (code: string, answered: number, asked: number) =>
    `*${code}* – atbildēts ${answered}/${asked}`,
  missing: (numbers: string) => `trūkst: ${numbers}`,
  unverifiedOnly: (numbers: string) => `nepārbaudītas: ${numbers}`,
  /**
   * Answered of asked, over the passed reporting cut-offs. The count of cut-offs stands after a
   * colon, so no case or number reads as "on time" (bare "1 termiņā" did). `late`: how many of
   * the answered came only after their cut-off (`ResponseRate.late`), named in the words `/task`
   * and the annex mark such a reply with ("pēc ziņošanas termiņa").
   */
  rate: (pct: number, answered: number, asked: number, cutoffs: number, late = 0) =>
    `atsaucība ${pct} % (${answered} no ${asked} ${lvPlural(asked, "prasītās atbildes", "prasītajām atbildēm")}${
      late === 0
        ? ""
        : late < answered
          ? `, no saņemtajām ${late} pēc ziņošanas termiņa`
          : answered === 1
            ? ", pēc ziņošanas termiņa"
            : ", visas pēc ziņošanas termiņa"
    }; pagājušie ziņošanas termiņi: ${cutoffs})`,
  noRate: "agrāku ziņošanas termiņu nav",
  /**
   * An institution never reminded for any passed cut-off (no reminder "sent"): not rated, rather
   * than 0 %; `noChannel`: it has no Slack channel (its reminders failed "no_mapping").
   */
  notRated: (noChannel: boolean) =>
    `atsaucība nav vērtēta – ${noChannel ? "nav Slack kanāla, " : ""}atgādinājumi netika sūtīti`,
  /** After a rate: the passed cut-offs left out of it, the institution not reminded for them. */
  unrated: (cutoffs: number, noChannel: boolean) =>
    `${cutoffs} ${lvPlural(cutoffs, "ziņošanas termiņš nav vērtēts", "ziņošanas termiņi nav vērtēti")} – ${noChannel ? "nav Slack kanāla, " : ""}atgādinājumi netika sūtīti`,
  /**
   * Why passed cut-offs were left out of a rate (see `ResponseRate.unremindedBy`); `reminders`:
   * how many failed when undelivered (singular "atgādinājums … piegādāts" for one).
   */
  unratedWhy: (why: UnratedWhy, reminders: number) =>
    why === "noChannel"
      ? "nav Slack kanāla, atgādinājumi netika sūtīti"
      : why === "unreachable"
        ? "kanāls nav sasniedzams, atgādinājumi netika sūtīti"
        : why === "undelivered"
          ? lvPlural(reminders, "atgādinājums netika piegādāts", "atgādinājumi netika piegādāti")
          : "atgādinājumi netika sūtīti",
  /** After a rate, one per reason: "2 ziņošanas termiņi nav vērtēti – <why>". */
  unratedFor: (cutoffs: number, why: string) =>
    `${cutoffs} ${lvPlural(cutoffs, "ziņošanas termiņš nav vērtēts", "ziņošanas termiņi nav vērtēti")} – ${why}`,
  /** Never rated, for one reason: "atsaucība nav vērtēta – <why>". */
  notRatedFor: (why: string) => `atsaucība nav vērtēta – ${why}`,
  /** Never rated, for several reasons: each as "1 ziņošanas termiņš – <why>". */
  notRatedMixed: (groups: Array<{ cutoffs: number; why: string }>) =>
    `atsaucība nav vērtēta: ${groups
      .map(
        (g) =>
          `${g.cutoffs} ${lvPlural(g.cutoffs, "ziņošanas termiņš", "ziņošanas termiņi")} – ${g.why}`,
      )
      .join("; ")}`,
  noInstitutions: "Šim ziņošanas termiņam nav institūciju ar uzdevumiem.",
  /** `id`: the digest's cut-off, named (another may have the replies); null: none. */
  notAnswered: (codes: string, id: number | null = null) =>
    `*Vēl nav atbildējušas${id === null ? "" : ` uz #${id}`}:* ${codes}`,
  /**
   * Another cut-off `id` that has passed (its day `date`) besides the digest's (or the Home's)
   * current one: those that have not answered it, `codes` in `notAnswered`'s entries ("IEM (5);
   * LM (5, 14)"). The digest and the secretary's App Home say it alike.
   */
  notAnsweredPassed: (codes: string, id: number, date: string) =>
    `*Vēl nav atbildējušas uz #${id} (pagājis ${date}):* ${codes}`,
  /**
   * Another live cut-off (`id`, `title` escaped, day `date`) with replies: `entries` "LM (14)";
   * `numbers` their tasks (one, or all of them: `historyTasks`; none: no hint, as when an earlier
   * line named them, `historyTasksOnce`), each named in the command that
   * shows a task's replies with their cut-off; more than HISTORY_NAMED (digest-history.ts): "`/task N
   * history` (N – uzdevuma numurs)".
   */
  otherCutoff: (
    id: number,
    title: string,
    date: string,
    entries: string[],
    numbers: string | readonly string[],
  ) =>
    `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${id} „${title}” (${date}): ${entries.join("; ")}.${hint(numbers, "lv")}`,
  /** In "Vēl nav atbildējušas": the tasks with only an unverified reply (not by a contact). */
  unverifiedReplies: (numbers: string[]) =>
    `${lvPlural(numbers.length, "nepārbaudīta atbilde", "nepārbaudītas atbildes")}: ${numbers.join(", ")}`,
  allAnswered: "*Visas institūcijas ir atbildējušas.*",
  overdueHeading: (n: number) => `Kavētie uzdevumi (${n})`,
  overdueLine: (number: string, title: string, due: string, who: string, status: string) =>
    `• *${number}* ${title} — termiņš ${due}; ${who}; ${status}`,
  noOverdue: "Kavētu uzdevumu nav.",
  upcomingHeading: (days: number) => `Tuvākās ${days} dienas`,
  upDeadline: (date: string, number: string, title: string) =>
    `• ${date} – termiņš uzdevumam *${number}* ${title}`,
  upCutoff: (when: string, title: string) => `• ${when} – ziņošanas termiņš *${title}*`,
  upReminder: (when: string, cutoff: string, codes: string) =>
    `• ${when} – atgādinājumi (${cutoff}): ${codes}`,
  upSession: (when: string, title: string) => `• ${when} – darba grupas sēde: *${title}*`,
  noUpcoming: "Tuvākajās dienās nekas nav paredzēts.",
  /** Institutions with reminders planned but no Slack channel: those reminders are not sent
   * (the one wording `/task` uses too, `noChannelNotice`). */
  upNoChannel: (codes: string[]) => `⚠️ ${noChannelNotice("lv", codes)}`,
  /**
   * Institutions with reminders planned whose channel the app knows it cannot post to: those
   * reminders would fail (as `/cutoff plan` warns). `codes` non-empty; the example uses the first;
   * `why` (code → cause) picks the advice that can work (`unreachableAdvice`).
   */
  upUnreachable: (codes: string[], why?: Readonly<Record<string, UnreachableWhy>>) =>
    `⚠️ Atgādinājumi neizdosies – kanāls nav sasniedzams: ${codes.join(", ")}. ${unreachableAdvice(codes, why, "lv")}`,
  /**
   * Institutions that have answered every task of `cutoff` (its title, mrkdwn-escaped): their
   * planned reminders for it are not sent. Singular "atbildējusi institūcija … tai" for one
   * institution, plural "atbildējušas institūcijas … tām".
   */
  upAnswered: (cutoff: string, codes: string[]) =>
    codes.length === 1
      ? `✅ Jau atbildējusi institūcija (${cutoff}) – atgādinājumi tai netiks sūtīti: ${codes.join(", ")}.`
      : `✅ Jau atbildējušas institūcijas (${cutoff}) – atgādinājumi tām netiks sūtīti: ${codes.join(", ")}.`,
  chartTitle: (cutoff: string | null) =>
    cutoff ? `Statuss pa institūcijām: ${cutoff}` : "Statuss pa institūcijām",
  chart: {
    done: "izpildīts",
    partial: "daļēji",
    in_progress: "tiek pildīts",
    no_reply: "nav atbildes",
  } satisfies Record<ChartStatus, string>,
  chartAxis: "uzdevumi",
  chartAlt: (summary: string) => `Stabiņu diagramma: uzdevumu statuss pa institūcijām. ${summary}`,
  files: "Pielikumā: diagramma (PNG) un viss kopsavilkums (DOCX).",
  docxTasks: "Visi uzdevumi",
  docxColumns: ["Nr.", "Uzdevums", "Termiņš", "Institūcijas", "Statuss", "Pēdējā atbilde"],
  postButton: "Publicēt darba grupai",
  draftIntro: (session: string) =>
    `Šis ir kopsavilkuma melnraksts sēdei *${session}*. Pārbaudiet un publicējiet darba grupas kanālā.`,
  postedBy: (user: string, channel: string) =>
    `✅ <@${user}> publicēja šo kopsavilkumu kanālā <#${channel}>.`,
  moved: (delta: number) => (delta === 0 ? "" : ` (${delta > 0 ? "+" : "−"}${Math.abs(delta)})`),
  more: (n: number) => `… un vēl ${n}. Viss kopsavilkums – DOCX failā.`,
  postFailed: (code: string) =>
    `⚠️ Kopsavilkumu neizdevās publicēt: ${code}. Pārbaudiet WORKGROUP_CHANNEL_ID un vai lietotne ir kanālā (\`/invite @Koordinators\`).`,
};

const en: typeof lv = {
  title: (date) => `📋 Working group digest, ${date}`,
  draftTitle: (date) => `📝 Draft digest, ${date}`,
  cutoffTitle: (cutoff) => `⏰ Reporting cut-off passed: ${cutoff}`,
  tasks: (n, subtasks = 0) =>
    `*${n}* ${n === 1 ? "task" : "tasks"}${subtasks > 0 ? ` and *${subtasks}* ${subtasks === 1 ? "sub-task" : "sub-tasks"}` : ""}`,
  cutoffLine: (title, date, answered, all, id) =>
    `Reporting cut-off *${title}* (${id === undefined ? "" : `#${id}, `}${date}): *${answered}* of *${all}* institutions have answered everything asked.`,
  noCutoff: "No active reporting cut-off: the institution part counts every reply received.",
  figures: (overdue, replies, changes) =>
    `Overdue tasks: *${overdue}* · new replies: *${replies}* · status changes: *${changes}*`,
  nextSession: (when, title) => `Next session: *${when}* – ${title}`,
  noSession: "No session planned yet (`/session add`).",
  period: (since) => (since ? `Period: since ${since}` : "Period: since the start"),
  previous: (id, date) => `previous digest #${id} (${date})`,
  digestId: (id) => `Digest #${id}`,
  inThread: "Details in the thread ⤵",
  changesHeading: (since) => (since ? `Changes since ${since}` : "Changes since the start"),
  statusChanges: "*Status changes*",
  statusChange: (number, title, from, to) => `• *${number}* ${title}: ${from} → ${to}`,
  noOwnStatus: "no status of its own",
  noStatusChanges: "No status changes.",
  repliesHeading: (n) => `*New replies (${n})*`,
  reply: (number, code, user, date, excerpt, moved = "") =>
    `• *${number}*${moved} · *${code}* · <@${user}> · ${date}: “${excerpt}”`,
  movedFrom: (number) => ` (moved from *${number}*)`,
  unassigned: "no task",
  claim: (label) => ` — _${label}_`,
  open: "open",
  unverified: " _(unverified)_",
  late: " _(after the reporting cut-off)_",
  supplemented: " _(supplemented after the reporting cut-off)_",
  alsoNames: (numbers) =>
    numbers.length === 1
      ? ` _(also names task ${numbers[0]}, which did not get it)_`
      : ` _(also names tasks ${numbers.join(", ")}, which did not get it)_`,
  edited: (date) => ` _(edited ${date})_`,
  storedLater: (sent, stored) => ` _(sent ${sent}, stored ${stored})_`,
  inRemovedCutoff: (title) => ` _(in the thread of removed cut-off “${title}”)_`,
  forCutoff: (id, date) => ` _(for reporting cut-off #${id} (${date}))_`,
  noReplies: "No new replies.",
  editedHeading: (n) => `*Edited replies (${n})*`,
  withdrawnHeading: (n) => `*Withdrawn replies (${n})*`,
  withdrawnLine: (number, code, date) => `• *${number}* · *${code}* · withdrawn ${date}`,
  figuresChanged: (edited, withdrawn) =>
    `${edited > 0 ? ` · edited replies: *${edited}*` : ""}${withdrawn > 0 ? ` · withdrawn replies: *${withdrawn}*` : ""}`,
  institutionsHeading: (cutoff) =>
    cutoff ? `Institutions: ${cutoff}` : "Institutions: all replies",
  institutionLine: (code, answered, asked) => `*${code}* – answered ${answered}/${asked}`,
  missing: (numbers) => `missing: ${numbers}`,
  unverifiedOnly: (numbers) => `unverified: ${numbers}`,
  rate: (pct, answered, asked, cutoffs, late = 0) =>
    `response rate ${pct}% (${answered} of ${asked} ${asked === 1 ? "reply" : "replies"} asked for${
      late === 0
        ? ""
        : late < answered
          ? `, ${late} of those received after the reporting cut-off`
          : answered === 1
            ? ", after the reporting cut-off"
            : ", all after the reporting cut-off"
    }; past reporting cut-offs: ${cutoffs})`,
  noRate: "no earlier reporting cut-offs",
  notRated: (noChannel) =>
    `response rate not rated – ${noChannel ? "no Slack channel, " : ""}no reminders were sent`,
  unrated: (cutoffs, noChannel) =>
    `${cutoffs} reporting ${cutoffs === 1 ? "cut-off" : "cut-offs"} not rated – ${noChannel ? "no Slack channel, " : ""}no reminders were sent`,
  unratedWhy: (why, reminders) =>
    why === "noChannel"
      ? "no Slack channel, no reminders were sent"
      : why === "unreachable"
        ? "channel unreachable, no reminders were sent"
        : why === "undelivered"
          ? `the ${reminders === 1 ? "reminder" : "reminders"} could not be delivered`
          : "no reminders were sent",
  unratedFor: (cutoffs, why) =>
    `${cutoffs} reporting ${cutoffs === 1 ? "cut-off" : "cut-offs"} not rated – ${why}`,
  notRatedFor: (why) => `response rate not rated – ${why}`,
  notRatedMixed: (groups) =>
    `response rate not rated: ${groups
      .map((g) => `${g.cutoffs} reporting ${g.cutoffs === 1 ? "cut-off" : "cut-offs"} – ${g.why}`)
      .join("; ")}`,
  noInstitutions: "No institution has tasks in this reporting cut-off.",
  notAnswered: (codes, id = null) =>
    `*Not answered${id === null ? "" : ` for #${id}`} yet:* ${codes}`,
  notAnsweredPassed: (codes, id, date) =>
    `*Still not answered for #${id} (passed ${date}):* ${codes}`,
  otherCutoff: (id, title, date, entries, numbers) =>
    `↩️ Replies were also received for reporting cut-off #${id} “${title}” (${date}): ${entries.join("; ")}.${hint(numbers, "en")}`,
  unverifiedReplies: (numbers) =>
    `${numbers.length === 1 ? "unverified reply" : "unverified replies"}: ${numbers.join(", ")}`,
  allAnswered: "*Every institution has answered.*",
  overdueHeading: (n) => `Overdue tasks (${n})`,
  overdueLine: (number, title, due, who, status) =>
    `• *${number}* ${title} — due ${due}; ${who}; ${status}`,
  noOverdue: "No overdue tasks.",
  upcomingHeading: (days) => `The next ${days} days`,
  upDeadline: (date, number, title) => `• ${date} – deadline of task *${number}* ${title}`,
  upCutoff: (when, title) => `• ${when} – reporting cut-off *${title}*`,
  upReminder: (when, cutoff, codes) => `• ${when} – reminders (${cutoff}): ${codes}`,
  upSession: (when, title) => `• ${when} – working group session: *${title}*`,
  noUpcoming: "Nothing is due in the coming days.",
  upNoChannel: (codes) => `⚠️ ${noChannelNotice("en", codes)}`,
  upUnreachable: (codes, why) =>
    `⚠️ Reminders will fail – channel unreachable: ${codes.join(", ")}. ${unreachableAdvice(codes, why, "en")}`,
  upAnswered: (cutoff, codes) =>
    `✅ Already replied (${cutoff}), will not be reminded: ${codes.join(", ")}.`,
  chartTitle: (cutoff) => (cutoff ? `Status by institution: ${cutoff}` : "Status by institution"),
  chart: { done: "done", partial: "partial", in_progress: "in progress", no_reply: "no reply" },
  chartAxis: "tasks",
  chartAlt: (summary) => `Bar chart: task status by institution. ${summary}`,
  files: "Attached: the chart (PNG) and the whole digest (DOCX).",
  docxTasks: "All tasks",
  docxColumns: ["No.", "Task", "Deadline", "Institutions", "Status", "Latest reply"],
  postButton: "Post to the working group",
  draftIntro: (session) =>
    `This is the draft digest for the session *${session}*. Check it and post it to the working group's channel.`,
  postedBy: (user, channel) => `✅ <@${user}> posted this digest to <#${channel}>.`,
  moved: (delta) => (delta === 0 ? "" : ` (${delta > 0 ? "+" : "−"}${Math.abs(delta)})`),
  more: (n) => `… and ${n} more. The whole digest is in the DOCX file.`,
  postFailed: (code) =>
    `⚠️ The digest could not be posted: ${code}. Check WORKGROUP_CHANNEL_ID and that the app is in the channel (\`/invite @Koordinators\`).`,
};

/** The digest's texts (Slack, Markdown, DOCX and the chart). */
export const digestText = defineCatalog<typeof lv>({ lv, en });

/** Texts of the `/digest` command itself (digest-command.ts), here too for its importers. */
export { digestCommandText } from "./digest-command.ts";
