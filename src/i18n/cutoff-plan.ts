/**
 * `/cutoff plan`'s texts (and the CLI's `cutoff plan`): the summary, each institution's
 * channel and reminders with their states. Part of {@link cutoffText} (src/i18n/cutoff.ts),
 * kept apart so each file stays small.
 */
import { enCount, lvPlural } from "./define.ts";
import { channelProblemText } from "./reminder.ts";

/** "1 atgādinājums", "10 atgādinājumi": the count and the noun's form, see {@link lvPlural}. */
const lvCount = (n: number, one: string, other: string) => `${n} ${lvPlural(n, one, other)}`;

/** Why a reminder was skipped or failed, by the store's reason code. */
const reasonsLv: Record<string, string> = {
  all_answered: "visi uzdevumi jau atbildēti",
  no_mapping: "nav kanāla",
  channel_not_found: "kanāls nav atrasts",
  not_in_channel: channelProblemText("lv").not_in_channel,
  is_archived: channelProblemText("lv").is_archived,
  superseded: "aizstāts ar vēlāku (tā laiks jau bija pagājis)",
  cutoff_passed: "termiņš jau bija pagājis",
  cutoff_removed: "termiņš noņemts",
  passed_when_moved: "tā laiks jau bija pagājis, kad termiņu pārcēla",
  cutoff_moved: "termiņu pārcēla, pirms atgādinājums tika nosūtīts",
};
const reasonsEn: Record<string, string> = {
  all_answered: "every task already answered",
  no_mapping: "no channel",
  channel_not_found: "channel not found",
  not_in_channel: channelProblemText("en").not_in_channel,
  is_archived: channelProblemText("en").is_archived,
  superseded: "replaced by a later one (its time had passed)",
  cutoff_passed: "the cut-off had passed",
  cutoff_removed: "cut-off removed",
  passed_when_moved: "its time had passed when the cut-off was moved",
  cutoff_moved: "the cut-off was moved before it was sent",
};

const lv = {
  planTitle: (id: number, title: string) => `Atgādinājumu plāns: #${id} ${title}`,
  /**
   * `reminders`: those of the cut-off's present time sent or to be sent; `skipped`: those
   * skipped (their time had passed, …), named only when there are any; `passed`: the cut-off's
   * time is behind us ("Ziņošanas termiņš pagājis: *…*", as the digest's "⏰ Ziņošanas termiņš
   * pagājis" says it). `history`: the reminders of its earlier times (before a move), listed
   * below with them, so the summary counts every row listed; named only when there are any.
   * `answered`: those of the present time still planned for institutions that answered every
   * task, which the sender will skip (their rows read "netiks nosūtīts – viss atbildēts"):
   * counted apart from `reminders`, as `/cutoff move`'s answer counts them ("Vēl 3 atgādinājumi
   * netiks nosūtīti – viss atbildēts"); named only when there are any.
   */
  planSummary: (
    when: string,
    scope: string,
    reminders: number,
    skipped: number,
    passed = false,
    history = 0,
    answered = 0,
  ) =>
    `Ziņošanas termiņš${passed ? " pagājis" : ""}: *${when}* · ${scope} · ${
      reminders === 0 && answered > 0
        ? // None goes: "4 atgādinājumi netiks nosūtīti – viss atbildēts", not "0 …, vēl 4 …".
          `${lvCount(answered, "atgādinājums", "atgādinājumi")} ${lvPlural(answered, "netiks nosūtīts", "netiks nosūtīti")} – viss atbildēts${skipped > 0 ? `, ${lvCount(skipped, "izlaists", "izlaisti")}` : ""}`
        : `${lvCount(reminders, "atgādinājums", "atgādinājumi")}${skipped > 0 ? `, ${lvCount(skipped, "izlaists", "izlaisti")}` : ""}${answered > 0 ? `, vēl ${answered} ${lvPlural(answered, "netiks nosūtīts", "netiks nosūtīti")} – viss atbildēts` : ""}`
    }${history > 0 ? ` un ${lvCount(history, "atgādinājums", "atgādinājumi")} iepriekšējam termiņa laikam (vēsture)` : ""}`,
  /**
   * Institutions without a Slack channel; `passed`: the cut-off's time is behind us, so it is
   * told in the past ("netika nosūtīti, sekretārs saņēma ziņu").
   */
  planUnmapped: (codes: string, passed = false) =>
    passed
      ? `⚠️ *NAV PIESAISTĪTAS* Slack – to atgādinājumi netika nosūtīti, sekretārs saņēma ziņu: ${codes}.`
      : `⚠️ *NAV PIESAISTĪTAS* Slack – to atgādinājumi netiks nosūtīti, un sekretārs saņems ziņu: ${codes}.`,
  planEmpty: "Šim ziņošanas termiņam nav neviena uzdevuma, tāpēc nav arī atgādinājumu.",
  tasks: (numbers: string) => `Uzdevumi: ${numbers}`,
  channel: (channel: string, contacts: string) =>
    `Kanāls: ${channel} · kontaktpersonas: ${contacts}`,
  notMapped: (code: string) =>
    `⚠️ *NAV PIESAISTĪTA*: kanāls nav norādīts – \`/institution set ${code} #kanāls @kontaktpersona\``,
  noContacts: "nav",
  noReminders: "atgādinājumu nav",
  /** `span`: an offset in words, in the nominative (durationText): "14 dienas", "20 sekundes". */
  before: (span: string) => `${span} pirms termiņa`,
  overdue: "pēc termiņa",
  /** A reminder sent by hand (`remind --now`) outside the plan. */
  byHand: "ar roku (remind --now)",
  planned: "ieplānots",
  /** A planned reminder of an institution with no Slack channel: the sender would fail it. */
  plannedNoChannel: "netiks nosūtīts – nav kanāla",
  sending: "tiek sūtīts",
  sent: (at: string) => `nosūtīts ${at}`,
  /**
   * A skipped reminder. "all_answered" reads as {@link plannedAllAnswered} (cutoff-reach.ts)
   * does, in the past: "izlaists – viss atbildēts"; any other reason "izlaists: …".
   */
  skipped: (reason: string) =>
    reason === "all_answered"
      ? "izlaists – viss atbildēts"
      : `izlaists: ${reasonsLv[reason] ?? reason}`,
  /**
   * A failed reminder. "no_mapping" (the institution had no channel at its time) reads as
   * {@link plannedNoChannel} does, in the past: the same cause in the same words; a reason
   * Slack gave (a channel it refused) stays "neizdevās: …".
   */
  failed: (reason: string) =>
    reason === "no_mapping"
      ? "netika nosūtīts – nav kanāla"
      : `neizdevās: ${reasonsLv[reason] ?? reason}`,
  planMore: (left: number, id: number) =>
    `… un vēl ${left}. Viss plāns: \`koordinators cutoff plan ${id} --json\``,
};

const en: typeof lv = {
  planTitle: (id, title) => `Reminder plan: #${id} ${title}`,
  planSummary: (when, scope, reminders, skipped, passed = false, history = 0, answered = 0) =>
    `Cut-off${passed ? " passed" : ""}: *${when}* · ${scope} · ${
      reminders === 0 && answered > 0
        ? `${enCount(answered, "reminder", "reminders")} will not be sent – all answered${skipped > 0 ? `, ${skipped} skipped` : ""}`
        : `${enCount(reminders, "reminder", "reminders")}${skipped > 0 ? `, ${skipped} skipped` : ""}${answered > 0 ? `, ${answered} more will not be sent – all answered` : ""}`
    }${history > 0 ? ` and ${enCount(history, "reminder", "reminders")} for the cut-off's earlier time (history)` : ""}`,
  planUnmapped: (codes, passed = false) =>
    passed
      ? `⚠️ *NOT MAPPED* to Slack – their reminders were not sent; the secretary was told: ${codes}.`
      : `⚠️ *NOT MAPPED* to Slack – their reminders will not be sent, and the secretary will be told: ${codes}.`,
  planEmpty: "This cut-off covers no task, so there are no reminders.",
  tasks: (numbers) => `Tasks: ${numbers}`,
  channel: (channel, contacts) => `Channel: ${channel} · contact people: ${contacts}`,
  notMapped: (code) =>
    `⚠️ *NOT MAPPED*: no channel – \`/institution set ${code} #channel @contact\``,
  noContacts: "none",
  noReminders: "no reminders",
  before: (span) => `${span} before`,
  overdue: "after the cut-off",
  byHand: "by hand (remind --now)",
  planned: "planned",
  plannedNoChannel: "will not be sent – no channel",
  sending: "being sent",
  sent: (at) => `sent ${at}`,
  skipped: (reason) =>
    reason === "all_answered"
      ? "skipped – all answered"
      : `skipped: ${reasonsEn[reason] ?? reason}`,
  failed: (reason) =>
    reason === "no_mapping" ? "not sent – no channel" : `failed: ${reasonsEn[reason] ?? reason}`,
  planMore: (left, id) =>
    `… and ${left} more. The whole plan: \`koordinators cutoff plan ${id} --json\``,
};

/** The plan's texts in both languages (merged into `cutoffText`). */
export type PlanTexts = typeof lv;
/** The plan's texts by locale, for src/i18n/cutoff.ts to merge. */
export const cutoffPlanTexts = { lv, en };
