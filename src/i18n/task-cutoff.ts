import type { UnreachableWhy } from "../reminders/task-status.ts";
import { defineCatalog, lvPlural } from "./define.ts";
import { noChannelNotice } from "./no-channel.ts";
import { channelProblemText } from "./reminder.ts";

/** Slack's error code of each stored unreachable state, so the cause reads as a failed reminder's. */
const ERROR_OF = {
  not_found: "channel_not_found",
  not_member: "not_in_channel",
  archived: "is_archived",
} as const;

const lvProblems = channelProblemText("lv");
const enProblems = channelProblemText("en");

/**
 * What can be done about each cause, and by whom, for anyone who reads `/task` (as
 * `/institution CODE` advises the secretary): anyone in the channel may invite the app; only the
 * secretary may name another channel (`/institution set`), so the text says so.
 */
const lvFix: Record<UnreachableWhy, (code: string) => string> = {
  not_found: (code) =>
    `Ja kanāls ir privāts, uzaiciniet tajā lietotni (\`/invite @Koordinators\`); citu kanālu sekretārs var norādīt ar \`/institution set ${code} #kanāls\`.`,
  not_member: (code) =>
    `Lietotni kanālā var uzaicināt ar \`/invite @Koordinators\` vai arī sekretārs var norādīt citu kanālu ar \`/institution set ${code} #kanāls\`.`,
  archived: (code) =>
    `Kanālu var atarhivēt vai arī sekretārs var norādīt citu kanālu ar \`/institution set ${code} #kanāls\`.`,
};
const enFix: Record<UnreachableWhy, (code: string) => string> = {
  not_found: (code) =>
    `If the channel is private, invite the app there (\`/invite @Koordinators\`); the secretary can name another channel with \`/institution set ${code} #channel\`.`,
  not_member: (code) =>
    `Anyone in the channel can invite the app with \`/invite @Koordinators\`, or the secretary can name another channel with \`/institution set ${code} #channel\`.`,
  archived: (code) =>
    `The channel can be unarchived, or the secretary can name another channel with \`/institution set ${code} #channel\`.`,
};

const lv = {
  /** The cut-off the view is about: its id (as `/cutoff list` numbers it), time and title. */
  heading: (id: number, title: string, date: string) =>
    `*Ziņošanas termiņš #${id}: ${date}* (${title})`,
  /** As {@link lv.heading} for a cut-off whose time has passed: said so, not as one ahead. */
  headingPassed: (id: number, title: string, date: string) =>
    `*Ziņošanas termiņš #${id} pagājis: ${date}* (${title})`,
  /**
   * `verified`: from one of the institution's contacts (✅), else ❔ (not yet its answer). The
   * link to the message (`link`; "" for none: an answer by the form) stands beside its author,
   * before the excerpt, so its text never reads as the reply's last word.
   */
  replied: (
    code: string,
    date: string,
    user: string,
    excerpt: string,
    link: string,
    verified: boolean,
  ) =>
    `${verified ? "✅" : "❔"} *${code}* atbildēja ${date} (<@${user}>${link ? `, <${link}|atvērt ziņu>` : ""}): ${excerpt}`,
  /**
   * The institution has only replies from people who are not its contacts (❔): it has not
   * answered yet (its reminders still ask), so the line says that first and then who wrote what,
   * `user` named as not the institution's contact. Beside "Nākamais atgādinājums: … kas vēl nav
   * atbildējušas: IEM" the two lines agree. The link (`link`, "" for none) as in {@link lv.replied}.
   */
  repliedUnverified: (
    code: string,
    id: number,
    date: string,
    user: string,
    excerpt: string,
    link: string,
  ) =>
    `❔ *${code}* – pārbaudītas atbildes uz #${id} vēl nav; <@${user}> (nav ${code} kontaktpersona) rakstīja ${date}${link ? ` (<${link}|atvērt ziņu>)` : ""}: ${excerpt}`,
  /** No reply to cut-off `id` (the view's): said of that cut-off by name, not of every one. */
  waiting: (code: string, id: number) => `⏳ *${code}* vēl nav atbildējusi uz #${id}`,
  /** As {@link lv.waiting} once cut-off `id` has passed (⌛: the time is up, not still ahead). */
  waitingPassed: (code: string, id: number) => `⌛ *${code}* nav atbildējusi uz #${id}`,
  /**
   * Replies to another live cut-off (`id`, `title` escaped — as `/task N history` names it —,
   * its day `date`): `replies` are "*LM* 30.11.2026.
   * <link|atvērt>" entries ({@link lv.otherReply}), so none reads as an answer to the view's one.
   */
  otherCutoff: (id: number, title: string, date: string, replies: string[]) =>
    `↩️ Uz ziņošanas termiņu #${id} „${title}” (${date}) atbildēja: ${replies.join(", ")}`,
  /** One entry of {@link lv.otherCutoff}; `verified` false: ❔ (not from a contact). */
  otherReply: (code: string, date: string, link: string, verified: boolean) =>
    `${verified ? "" : "❔ "}*${code}* ${date}${link ? ` <${link}|atvērt>` : ""}`,
  /**
   * Another cut-off that has passed (`id`, `title` escaped, its day `date`) and holds the task,
   * with no reply from `codes` (the task's institutions that have not answered it) and none
   * from the rest either.
   */
  otherUnanswered: (id: number, title: string, date: string, codes: string[]) =>
    `⌛ Ziņošanas termiņš #${id} „${title}” (pagājis ${date}): nav ${lvPlural(codes.length, "atbildējusi", "atbildējušas")} ${codes.join(", ")}`,
  /** Appended to {@link lv.otherCutoff} of a passed cut-off: those of the task that have not answered it. */
  otherUnansweredTail: (codes: string[]) =>
    `; nav ${lvPlural(codes.length, "atbildējusi", "atbildējušas")} ${codes.join(", ")}`,
  /** After {@link lv.otherCutoff}: where every reply of the task is, with its cut-off named. */
  otherHint: (number: string) =>
    `_Visas uzdevuma atbildes ar to ziņošanas termiņiem: \`/task ${number} history\`_`,
  /** After a reply received once the cut-off had passed. */
  late: " _(pēc ziņošanas termiņa)_",
  /**
   * After a reply received once the cut-off had passed, when the institution had answered the
   * task in time (`lateMark` "supplemented", src/domain/late-reply.ts): not late, supplemented.
   */
  supplemented: " _(papildināts pēc ziņošanas termiņa)_",
  laterUnverified: (n: number) =>
    ` _(un ${n} ${lvPlural(n, "vēlāka nepārbaudīta atbilde", "vēlākas nepārbaudītas atbildes")})_`,
  /** The next reminder goes to every institution of the task. */
  nextReminder: (date: string) => `Nākamais atgādinājums: ${date}`,
  /**
   * The next reminder goes to `codes`, exactly the institutions that have not answered (every
   * other one has): only then may it say "who have not replied".
   */
  nextReminderTo: (date: string, codes: string[], id: number) =>
    `Nākamais atgādinājums: ${date} – ${lvPlural(codes.length, "institūcijai", "institūcijām")}, kas vēl nav ${lvPlural(codes.length, "atbildējusi", "atbildējušas")} uz #${id}: ${codes.join(", ")}`,
  /**
   * The next reminder goes to `codes`, some of the task's institutions, while others that have
   * not answered are left out of it (no channel, or their reminder is planned later): names only.
   */
  nextReminderNamed: (date: string, codes: string[]) =>
    `Nākamais atgādinājums: ${date} – ${codes.join(", ")}`,
  noneScheduled: "Atgādinājumi vairs nav plānoti.",
  /** Every institution of the task (`count`) has answered for the cut-off: nothing more is sent. */
  allAnswered: (count: number) =>
    `${count === 1 ? "Atbilde ir saņemta" : "Visas institūcijas ir atbildējušas"} – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiks sūtīti.`,
  /** As {@link lv.allAnswered} once the cut-off has passed: none is sent any more, said so. */
  allAnsweredPassed: (count: number) =>
    `${count === 1 ? "Atbilde ir saņemta" : "Visas institūcijas ir atbildējušas"} – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiek sūtīti.`,
  /**
   * Institutions that have not answered and have no Slack channel: never reminded (shared
   * text); `past`: the cut-off has passed with no reminder left, so they "netika" (were not) sent.
   */
  noChannel: (codes: string[], past = false) =>
    `⚠️ ${noChannelNotice("lv", codes, past ? "past" : "future")}`,
  /**
   * An institution that has not answered whose channel (`channel`, "<#C…>") the app knows it
   * cannot post to (`why`, as `channel_checks` stores it): its reminders fail. Present tense, so
   * it reads true before the cut-off and after it; the fix as `/institution CODE` gives it, said
   * to whoever reads it (only the secretary may name another channel).
   */
  unreachable: (code: string, channel: string, why: UnreachableWhy) =>
    `⚠️ Institūcijas ${code} kanāls ${channel} nav sasniedzams (${lvProblems[ERROR_OF[why]]}), tāpēc atgādinājumus tur nevar nosūtīt. ${lvFix[why](code)}`,
  /**
   * A heading's roll-up (`/task 13`), under the cut-off's heading: of its `total` sub-tasks in
   * the cut-off's scope (with institutions), `done` have been answered by all of theirs.
   */
  subtaskCounts: (done: number, total: number) =>
    `Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: ${done} no ${total}`,
  /**
   * A heading's roll-up (`/task 13`): sub-task `number`, in the cut-off's scope, answered by all
   * of its institutions (`codes`, task order).
   */
  subtaskAnswered: (number: string, codes: string[]) =>
    `✅ *${number}* – atbildēja ${codes.join(", ")}`,
  /**
   * A heading's roll-up: sub-task `number` with `waiting` (non-empty) institutions that have
   * not answered it, after those that have (`answered`, maybe none); `passed`: the cut-off's
   * time is up (⌛, no "vēl").
   */
  subtaskWaiting: (number: string, answered: string[], waiting: string[], passed: boolean) =>
    `${passed ? "⌛" : "⏳"} *${number}* – ${answered.length > 0 ? `atbildēja ${answered.join(", ")}; ` : ""}${passed ? "" : "vēl "}nav ${lvPlural(waiting.length, "atbildējusi", "atbildējušas")} ${waiting.join(", ")}`,
  /** A heading's roll-up: sub-task `number` in scope with no institution to answer it. */
  subtaskNobody: (number: string) => `⚪ *${number}* – institūcijas nav norādītas`,
  /** After a heading's roll-up: where a sub-task's replies and reminders are (`number`: the first). */
  subtaskHint: (number: string) =>
    `_Katra apakšuzdevuma atbildes un atgādinājumi – tā skatā, piemēram, \`/task ${number}\`_`,
  /** `n` sub-task lines of a heading's roll-up left out so the section fits Slack's limits. */
  moreSubtasks: (n: number) =>
    `_(vēl ${n} ${lvPlural(n, "apakšuzdevums nav parādīts", "apakšuzdevumi nav parādīti")}: ziņa būtu par garu)_`,
  /** `n` institution lines left out so the section fits Slack's limits. */
  moreInstitutions: (n: number) =>
    `_(vēl ${n} ${lvPlural(n, "institūcija nav parādīta", "institūcijas nav parādītas")}: ziņa būtu par garu)_`,
  /**
   * `n` lines about other cut-offs ({@link lv.otherCutoff}, {@link lv.otherUnanswered}) left out
   * so the section fits; with `number`, where to read the task's replies instead.
   */
  moreOtherCutoffs: (n: number, number?: string) =>
    `_(vēl ${n} ${lvPlural(n, "rinda par citu ziņošanas termiņu nav parādīta", "rindas par citiem ziņošanas termiņiem nav parādītas")}: ziņa būtu par garu${number ? `; visas uzdevuma atbildes: \`/task ${number} history\`` : ""})_`,
};

const en: typeof lv = {
  heading: (id, title, date) => `*Reporting cut-off #${id}: ${date}* (${title})`,
  headingPassed: (id, title, date) => `*Reporting cut-off #${id} passed: ${date}* (${title})`,
  replied: (code, date, user, excerpt, link, verified) =>
    `${verified ? "✅" : "❔"} *${code}* replied ${date} (<@${user}>${link ? `, <${link}|open message>` : ""}): ${excerpt}`,
  repliedUnverified: (code, id, date, user, excerpt, link) =>
    `❔ *${code}* – no verified reply to #${id} yet; <@${user}> (not a contact of ${code}) wrote on ${date}${link ? ` (<${link}|open message>)` : ""}: ${excerpt}`,
  waiting: (code, id) => `⏳ *${code}* has not replied to #${id} yet`,
  waitingPassed: (code, id) => `⌛ *${code}* has not replied to #${id}`,
  otherCutoff: (id, title, date, replies) =>
    `↩️ For reporting cut-off #${id} “${title}” (${date}): replies from ${replies.join(", ")}`,
  otherReply: (code, date, link, verified) =>
    `${verified ? "" : "❔ "}*${code}* on ${date}${link ? ` <${link}|open>` : ""}`,
  otherUnanswered: (id, title, date, codes) =>
    `⌛ Reporting cut-off #${id} “${title}” (passed ${date}): no reply from ${codes.join(", ")}`,
  otherUnansweredTail: (codes) => `; no reply from ${codes.join(", ")}`,
  otherHint: (number) => `_Every reply to the task, with its cut-off: \`/task ${number} history\`_`,
  late: " _(after the reporting cut-off)_",
  supplemented: " _(supplemented after the reporting cut-off)_",
  laterUnverified: (n) => ` _(and ${n} later unverified ${n === 1 ? "reply" : "replies"})_`,
  nextReminder: (date) => `Next reminder: ${date}`,
  nextReminderTo: (date, codes, id) =>
    `Next reminder: ${date}, to ${codes.length === 1 ? "the institution that has" : "the institutions that have"} not replied to #${id} yet: ${codes.join(", ")}`,
  nextReminderNamed: (date, codes) => `Next reminder: ${date}, to ${codes.join(", ")}`,
  noneScheduled: "No more reminders are planned.",
  allAnswered: (count) =>
    `${count === 1 ? "The reply is in" : "All institutions have replied"}: no more reminders about this task will be sent for this cut-off.`,
  allAnsweredPassed: (count) =>
    `${count === 1 ? "The reply is in" : "All institutions have replied"}: no more reminders about this task are sent for this cut-off.`,
  noChannel: (codes, past = false) => `⚠️ ${noChannelNotice("en", codes, past ? "past" : "future")}`,
  unreachable: (code, channel, why) =>
    `⚠️ ${code}'s channel ${channel} cannot be reached (${enProblems[ERROR_OF[why]]}), so reminders cannot be sent there. ${enFix[why](code)}`,
  subtaskCounts: (done, total) =>
    `Sub-tasks all of whose institutions have replied: ${done} of ${total}`,
  subtaskAnswered: (number, codes) => `✅ *${number}* – replied: ${codes.join(", ")}`,
  subtaskWaiting: (number, answered, waiting, passed) =>
    `${passed ? "⌛" : "⏳"} *${number}* – ${answered.length > 0 ? `replied: ${answered.join(", ")}; ` : ""}${passed ? "no reply from" : "not replied yet:"} ${waiting.join(", ")}`,
  subtaskNobody: (number) => `⚪ *${number}* – no institution named`,
  subtaskHint: (number) =>
    `_Each sub-task's replies and reminders are in its own view, e.g. \`/task ${number}\`_`,
  moreSubtasks: (n) =>
    `_(${n} more ${n === 1 ? "sub-task is" : "sub-tasks are"} not shown: the message would be too long)_`,
  moreInstitutions: (n) =>
    `_(${n} more ${n === 1 ? "institution is" : "institutions are"} not shown: the message would be too long)_`,
  moreOtherCutoffs: (n, number) =>
    `_(${n} more ${n === 1 ? "line about another reporting cut-off is" : "lines about other reporting cut-offs are"} not shown: the message would be too long${number ? `; every reply to the task: \`/task ${number} history\`` : ""})_`,
};

/** `/task N`'s part about the active reporting cut-off. */
export const taskCutoffText = defineCatalog<typeof lv>({ lv, en });
