import { defineCatalog } from "./define.ts";
import { type DurationAmounts, type DurationUnit, durationText } from "./duration.ts";

/** A unit of the time left until a cut-off. */
export type LeftUnit = DurationUnit;

/** A channel error for which Slack refuses to post a reminder (stored as the reminder's `detail`). */
export type ChannelProblem = "channel_not_found" | "not_in_channel" | "is_archived";

/**
 * Why Slack refused to post a reminder in the institution's channel, in words: the one table the
 * failure note here, `/institution`'s last problem and `/cutoff plan`'s reasons share, each adding
 * its own advice or context. Source: https://api.slack.com/methods/chat.postMessage#errors
 */
export const channelProblemText = defineCatalog<Record<ChannelProblem, string>>({
  lv: {
    channel_not_found: "Slack kanāls nav atrasts",
    not_in_channel: "lietotne nav pievienota kanālam",
    is_archived: "kanāls ir arhivēts",
  },
  en: {
    channel_not_found: "the Slack channel was not found",
    not_in_channel: "the app is not in the channel",
    is_archived: "the channel is archived",
  },
});

const channelLv = channelProblemText("lv");
const channelEn = channelProblemText("en");
const problemLv: Record<string, string> = {
  no_mapping: "iestatiet to ar `/institution set {code} #kanāls @kontaktpersona`",
  channel_not_found: `${channelLv.channel_not_found} – pārbaudiet \`/institution {code}\``,
  not_in_channel: `${channelLv.not_in_channel} – uzaiciniet to ar \`/invite @Koordinators\``,
  is_archived: channelLv.is_archived,
};
const problemEn: Record<string, string> = {
  no_mapping: "set one with `/institution set {code} #channel @contact`",
  channel_not_found: `${channelEn.channel_not_found} – check \`/institution {code}\``,
  not_in_channel: `${channelEn.not_in_channel} – invite it with \`/invite @Koordinators\``,
  is_archived: channelEn.is_archived,
};

/** "Still waiting" for the reminder's `tasks` tasks: the singular for one. */
/**
 * Of the tasks a root lists, how many its institution answered in time for the cut-off
 * (`answeredInTime`, src/domain/late-reply.ts): none, some, or all of them.
 */
export type PassedInTime = "none" | "some" | "all";

/** After {@link lv.introPassed}'s first sentence: how a reply now is kept and marked. */
const keptLv: Record<PassedInTime, string> = {
  none: "Atbildes šajā pavedienā joprojām tiek saglabātas, bet tiek atzīmētas „pēc ziņošanas termiņa”.",
  all: "Atbildes šajā pavedienā joprojām tiek saglabātas kā papildinājumi: visi šeit prasītie uzdevumi ir atbildēti laikā, tāpēc jaunas atbildes tiek atzīmētas „papildināts pēc ziņošanas termiņa”.",
  some: "Atbildes šajā pavedienā joprojām tiek saglabātas: par laikā atbildētu uzdevumu tās tiek atzīmētas „papildināts pēc ziņošanas termiņa”, par pārējiem – „pēc ziņošanas termiņa”.",
};
const keptEn: Record<PassedInTime, string> = {
  none: "Replies in this thread are still stored, but marked “after the reporting cut-off”.",
  all: "Replies in this thread are still stored, as supplements: every task asked here was answered in time, so new replies are marked “supplemented after the reporting cut-off”.",
  some: "Replies in this thread are still stored: those to a task answered in time are marked “supplemented after the reporting cut-off”, those to the others “after the reporting cut-off”.",
};

const waitingLv = (tasks: number) =>
  tasks === 1
    ? "Vēl gaidām informāciju par šo uzdevumu."
    : "Vēl gaidām informāciju par šiem uzdevumiem.";
const waitingEn = (tasks: number) =>
  tasks === 1 ? "We are still waiting for this task." : "We are still waiting for these tasks.";

/**
 * The reminder's opening sentence: after the mentions ("<@U1> <@U2>, lūdzu, …"), or, when nobody
 * is mentioned, standing alone and so capitalised ("Lūdzu, …", "Please …").
 */
function addressed(mentions: string, sentence: string, locale: "lv" | "en"): string {
  if (mentions) return `${mentions}, ${sentence}`;
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}

const lv = {
  heading: (code: string) => `Atgādinājums: ${code}`,
  intro: (mentions: string, code: string, cutoff: string, title: string) =>
    addressed(
      mentions,
      `lūdzu, sniedziet informāciju par ${code} uzdevumu izpildes gaitu līdz *${cutoff}* (${title}).`,
      "lv",
    ),
  /**
   * The opening of a thread's first message re-rendered once its cut-off (`cutoff`, the time as
   * shown) has passed, in place of {@link lv.intro}'s "līdz …": that it has passed (worded as
   * {@link lv.overdue}), and that a reply now is still kept, marked as the task lines below mark
   * it (`lateMark`, src/domain/late-reply.ts): `inTime` says of how many tasks listed the
   * institution answered in time — "none": every reply now is "pēc ziņošanas termiņa"; "all":
   * each is a supplement "papildināts pēc ziņošanas termiņa"; "some": which one for which.
   */
  introPassed: (
    mentions: string,
    code: string,
    cutoff: string,
    title: string,
    inTime: PassedInTime,
  ) =>
    addressed(
      mentions,
      `ziņošanas termiņš par ${code} uzdevumu izpildes gaitu (*${cutoff}*, ${title}) ir pagājis. ${keptLv[inTime]}`,
      "lv",
    ),
  /**
   * The time left as `followUp` puts it after "vēl": always the nominative, read as the plan
   * reads offsets ("1 minūte un 30 sekundes").
   */
  left: (amounts: DurationAmounts) => durationText("lv").words(amounts),
  /** `tasks`: how many tasks the reminder lists ("par šo uzdevumu" for one). */
  followUp: (mentions: string, remaining: string, cutoff: string, tasks: number) =>
    addressed(
      mentions,
      `atgādinām: līdz ziņošanas termiņam (*${cutoff}*) vēl ${remaining}. ${waitingLv(tasks)}`,
      "lv",
    ),
  overdue: (mentions: string, cutoff: string, tasks: number) =>
    addressed(mentions, `ziņošanas termiņš (*${cutoff}*) ir pagājis. ${waitingLv(tasks)}`, "lv"),
  /**
   * The overdue reminder that began a thread, re-rendered once every task it asked has been
   * answered: the cut-off passed, nothing is still awaited here.
   */
  overdueAnswered: (mentions: string, cutoff: string) =>
    addressed(
      mentions,
      `ziņošanas termiņš (*${cutoff}*) ir pagājis. Visi šeit prasītie uzdevumi ir atbildēti.`,
      "lv",
    ),
  /** Under the opening sentence when it mentions nobody: the institution has no contacts. */
  nobodyNoContacts: (code: string) => `Neviens nav pieminēts: ${code} nav norādītu kontaktpersonu.`,
  /** …or all of them are away; `until`: the first of them is back the day after it. */
  nobodyAway: (code: string, until: string) =>
    `Neviens nav pieminēts: visas ${code} kontaktpersonas ir prombūtnē līdz ${until} ieskaitot.`,
  /** `example`: a task number of this reminder, for the "14: …" of the hint. */
  howToReply: (example: string) =>
    `Atbildiet šajā pavedienā – sāciet ar uzdevuma numuru (piemēram, „${example}: …”) – vai spiediet „Iesniegt atjauninājumu”.`,
  lastReply: (excerpt: string, user: string, date: string) =>
    `Pēdējā atbilde (${date}, <@${user}>): ${excerpt}`,
  noReplyYet: "Atbildes vēl nav.",
  /** On a thread's first message after `/cutoff move`: `at` the time it said before. */
  movedFrom: (at: string) => `(ziņošanas termiņš pārcelts no ${at})`,
  unverified: "(nepārbaudīta: autors nav institūcijas kontaktpersona)",
  /** After a last reply received after the cut-off's time: the digest's and `/task`'s words. */
  late: "(pēc ziņošanas termiņa)",
  /**
   * After a last reply received after the cut-off's time when the task had been answered in
   * time (`lateMark` "supplemented", src/domain/late-reply.ts): not late, supplemented.
   */
  supplemented: "(papildināts pēc ziņošanas termiņa)",
  submitUpdate: "Iesniegt atjauninājumu",
  more: (numbers: string) => `Un vēl: ${numbers}`,
  fallback: (code: string, cutoff: string) => `Atgādinājums ${code}: ziņošanas termiņš ${cutoff}`,
  deadline: "Izpildes termiņš",
  status: "Statuss",
  /**
   * To the secretaries: a reminder for `code` of cut-off `id` (`title` its title as mrkdwn, the
   * caller escaping it: `escapeMrkdwn`) did not go out, and the fix. The cut-off is named `#3 „Pārbaude”`, as `/task 14
   * history` names a reminder's cut-off ("🔔 Atgādinājums institūcijai *LM* (#3 „Pārbaude”)")
   * and `/task` a passed one (a fresh user's finding: the title alone here, "#N" everywhere
   * else). No channel ("no_mapping") is worded as `/cutoff plan` and
   * `remind --now` word it, "netika nosūtīts – nav kanāla" (a known state, not Slack's
   * failure); a channel Slack refused "neizdevās nosūtīt", as the plan's "neizdevās: …".
   */
  problem: (code: string, problem: string, id: number, title: string) =>
    `⚠️ ${problem === "no_mapping" ? `Atgādinājums institūcijai *${code}* (#${id} „${title}”) netika nosūtīts – nav kanāla` : `Atgādinājumu institūcijai *${code}* (#${id} „${title}”) neizdevās nosūtīt`}: ${(problemLv[problem] ?? problem).replaceAll("{code}", code)}.`,
};

const en: typeof lv = {
  heading: (code) => `Reminder: ${code}`,
  intro: (mentions, code, cutoff, title) =>
    addressed(
      mentions,
      `please report the progress of ${code}'s tasks by *${cutoff}* (${title}).`,
      "en",
    ),
  introPassed: (mentions, code, cutoff, title, inTime) =>
    addressed(
      mentions,
      `the reporting cut-off for the progress of ${code}'s tasks (*${cutoff}*, ${title}) has passed. ${keptEn[inTime]}`,
      "en",
    ),
  left: (amounts) => durationText("en").words(amounts),
  followUp: (mentions, remaining, cutoff, tasks) =>
    addressed(
      mentions,
      `a reminder: ${remaining} left until the reporting cut-off (*${cutoff}*). ${waitingEn(tasks)}`,
      "en",
    ),
  overdue: (mentions, cutoff, tasks) =>
    addressed(
      mentions,
      `the reporting cut-off (*${cutoff}*) has passed. ${waitingEn(tasks)}`,
      "en",
    ),
  overdueAnswered: (mentions, cutoff) =>
    addressed(
      mentions,
      `the reporting cut-off (*${cutoff}*) has passed. Every task asked here has been answered.`,
      "en",
    ),
  nobodyNoContacts: (code) => `Nobody is mentioned: ${code} has no contact people set.`,
  nobodyAway: (code, until) =>
    `Nobody is mentioned: all of ${code}'s contact people are away until ${until}, inclusive.`,
  howToReply: (example) =>
    `Reply in this thread – start with the task number (e.g. “${example}: …”) – or press “Submit update”.`,
  lastReply: (excerpt, user, date) => `Last reply (${date}, <@${user}>): ${excerpt}`,
  noReplyYet: "No reply yet.",
  movedFrom: (at) => `(the reporting cut-off was moved from ${at})`,
  unverified: "(unverified: the author is not a contact of the institution)",
  late: "(after the reporting cut-off)",
  supplemented: "(supplemented after the reporting cut-off)",
  submitUpdate: "Submit update",
  more: (numbers) => `And also: ${numbers}`,
  fallback: (code, cutoff) => `Reminder for ${code}: reporting cut-off ${cutoff}`,
  deadline: "Deadline",
  status: "Status",
  problem: (code, problem, id, title) =>
    `⚠️ ${problem === "no_mapping" ? `The reminder for *${code}* (#${id} “${title}”) was not sent – no channel` : `The reminder for *${code}* (#${id} “${title}”) could not be sent`}: ${(problemEn[problem] ?? problem).replaceAll("{code}", code)}.`,
};

/** Texts of reminder messages (the thread root and follow-ups). */
export const reminderText = defineCatalog<typeof lv>({ lv, en });
