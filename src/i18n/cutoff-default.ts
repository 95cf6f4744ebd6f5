/**
 * Texts for the cut-off taken when none is named (commands/cutoff-default.ts): `/cutoff plan`
 * and the CLI's `cutoff plan` without a number, `replies` without `--cutoff`. Slack texts are
 * mrkdwn (`title` escaped by the caller); the CLI's (`cli`) are plain, for stderr.
 */
import { defineCatalog, enCount, lvPlural } from "./define.ts";

/**
 * Why a cut-off was taken: the only live one, not yet passed (`only`); the only live one, passed
 * within the days `/task` still shows it (`passed`) or longer ago (`stale`); the next one of
 * several; the latest passed of several (no next).
 */
export type DefaultWhy = "only" | "passed" | "stale" | "next" | "recent";

/**
 * A `stale` cut-off: it passed `days` whole days ago, more than the `grace` days `/task`, Home
 * and the digest keep showing a passed cut-off (CUTOFF_GRACE_DAYS).
 */
export type Stale = { days: number; grace: number };

/** Some of the other live cut-offs: `ids` "#1, #5" (cutoffIds), `count` how many (0: none). */
export type OthersGroup = { ids: string; count: number };

/**
 * The other live cut-offs by time, as `cutoffsByTime` (src/domain/cutoff-times.ts) parts them:
 * ahead, passed within the grace days, passed earlier.
 */
export type OthersByTime = { ahead: OthersGroup; recent: OthersGroup; older: OthersGroup };

/**
 * The chosen cut-off in the genitive: "vienīgā spēkā esošā ziņošanas termiņa". A passed one is
 * no longer "spēkā esošs" (in force) / "live": only "vienīgā" / "the only", the sentence after
 * the lead saying it passed ({@link passedLv}, {@link staleLv}).
 */
const whyLv: Record<DefaultWhy, string> = {
  only: "vienīgā spēkā esošā",
  passed: "vienīgā",
  stale: "vienīgā",
  next: "nākamā",
  recent: "pēdējā pagājušā",
};
const whyEn: Record<DefaultWhy, string> = {
  only: "the only live cut-off",
  passed: "the only cut-off",
  stale: "the only cut-off",
  next: "the next cut-off",
  recent: "the latest cut-off that has passed",
};

/** After `/cutoff plan`'s lead on a passed cut-off within the grace days: no next one. */
const passedLv: Partial<Record<DefaultWhy, string>> = {
  passed: " Tas jau pagājis, un nākamā termiņa nav, bet atbildes uz šo vēl var pienākt.",
  recent: " Nākamā termiņa nav, bet atbildes uz šo vēl var pienākt.",
};
const passedEn: Partial<Record<DefaultWhy, string>> = {
  passed: " It has passed and there is no next one, but replies to it may still come in.",
  recent: " There is no next one, and replies to this one may still come in.",
};

/** After the CLI's note on a passed cut-off: there is no next one (a `stale` one: {@link staleLv}). */
const noNextLv: Partial<Record<DefaultWhy, string>> = {
  passed: " Tas jau pagājis; nākamā termiņa nav.",
  recent: " Nākamā termiņa nav.",
};
const noNextEn: Partial<Record<DefaultWhy, string>> = {
  passed: " It has passed; there is no next one.",
  recent: " There is no next one.",
};

/** After the lead or note on a `stale` cut-off: why `/task` shows no cut-off ("" for null). */
const staleLv = (stale: Stale | null) =>
  stale
    ? ` Tas pagāja pirms ${stale.days} ${lvPlural(stale.days, "dienas", "dienām")}, tāpēc \`/task\`, sākumlapa un kopsavilkums to vairs nerāda (pagājušu termiņu tie rāda vēl ${stale.grace} ${lvPlural(stale.grace, "dienu", "dienas")}).`
    : "";
const staleEn = (stale: Stale | null) =>
  stale
    ? ` It passed ${enCount(stale.days, "day", "days")} ago, so \`/task\`, the Home tab and the digest no longer show it (they show a cut-off for ${enCount(stale.grace, "day", "days")} after it passes).`
    : "";

const lv = {
  /**
   * Above the plan of `/cutoff plan` without a number: which cut-off it is (`when` as
   * `formatInstant` writes it) and why that one; `stale` (a `stale` one) how long ago it passed.
   */
  planLead: (
    why: DefaultWhy,
    id: number,
    title: string,
    when: string,
    stale: Stale | null = null,
  ) =>
    `Termiņa numurs nav norādīts, tāpēc rādu ${whyLv[why]} ziņošanas termiņa *#${id}* (${title}, ${when}) plānu.${passedLv[why] ?? ""}${staleLv(stale)}`,
  /**
   * After {@link planLead}: the other live cut-offs, by time (`by`), in one sentence, and how
   * to see another one's plan (`example` its id). All ahead: "Spēkā ir vēl 2 termiņi (#3, #4):
   * …". Any passed: each group once with its time, and no "spēkā" (a passed one is no longer in
   * force, as {@link whyLv} says): "Vēl ir 1 cits termiņš: #1 – pagājis pirms vairāk nekā 30
   * dienām. Tā plāns – …" (a fresh user's finding: "Spēkā ir vēl 1 termiņš (#1) … Neviens no
   * tiem nav priekšā. Pagājuši senāk: #1." told one fact three times). `days`: the grace days
   * (CUTOFF_GRACE_DAYS) that part passed ones into recent and older.
   */
  planOthers: (by: OthersByTime, days: number, example: number) => {
    const count = by.ahead.count + by.recent.count + by.older.count;
    const how = `${count === 1 ? "tā plāns" : "cita termiņa plāns"} – \`/cutoff plan ${example}\`, visi termiņi – \`/cutoff list\`.`;
    if (by.recent.count + by.older.count === 0)
      return `Spēkā ir vēl ${count} ${lvPlural(count, "termiņš", "termiņi")} (${by.ahead.ids}): ${how}`;
    // The participle agrees with the ids listed ("#1 – pagājis", "#1, #2 – pagājuši").
    const gone = (g: OthersGroup) => (g.count === 1 ? "pagājis" : "pagājuši");
    const groups = [
      by.ahead.count > 0 ? `${by.ahead.ids} – priekšā` : "",
      by.recent.count > 0
        ? `${by.recent.ids} – ${gone(by.recent)} ${lvPlural(days, `pēdējā ${days} dienā`, `pēdējās ${days} dienās`)} (atbildes vēl var pienākt)`
        : "",
      by.older.count > 0
        ? `${by.older.ids} – ${gone(by.older)} pirms vairāk nekā ${days} ${lvPlural(days, "dienas", "dienām")}`
        : "",
    ].filter(Boolean);
    return `Vēl ir ${count} ${lvPlural(count, "cits termiņš", "citi termiņi")}: ${groups.join("; ")}. ${how.charAt(0).toUpperCase()}${how.slice(1)}`;
  },
  /** `/cutoff plan` without a number when no cut-off is live (none, or only removed ones). */
  planNone:
    "Spēkā esoša ziņošanas termiņa nav, tāpēc nav arī atgādinājumu plāna. Termiņu pievienojiet ar `/cutoff add &lt;datums&gt; &lt;nosaukums&gt;`.",
  /** Several live cut-offs, none active: all passed more than `days` days ago. */
  planUndecided: (count: number, days: number, example: number) =>
    `Spēkā ir ${count} ${lvPlural(count, "ziņošanas termiņš", "ziņošanas termiņi")}, bet neviens nav aktīvs: visi pagāja pirms vairāk nekā ${days} dienām. Norādiet termiņa numuru, piemēram, \`/cutoff plan ${example}\`.`,
  cli: {
    /**
     * `replies` without `--cutoff`, on stderr; `others`: how many other cut-offs are live;
     * `stale` (a `stale` one) how long ago it passed.
     */
    replies: (
      why: DefaultWhy,
      id: number,
      title: string,
      when: string,
      others: number,
      stale: Stale | null = null,
    ) =>
      `Bez --cutoff: rādu ${whyLv[why]} ziņošanas termiņa #${id} „${title}” (${when}) atbildes.${noNextLv[why] ?? ""}${staleLv(stale)}${others > 0 ? " Cita termiņa atbildes: --cutoff N (sk. `npm run cli -- cutoff list`)." : ""}`,
    /** `cutoff plan --json` without a number, on stderr; as {@link replies}. */
    plan: (
      why: DefaultWhy,
      id: number,
      title: string,
      when: string,
      others: number,
      stale: Stale | null = null,
    ) =>
      `Bez numura: rādu ${whyLv[why]} ziņošanas termiņa #${id} „${title}” (${when}) plānu.${noNextLv[why] ?? ""}${staleLv(stale)}${others > 0 ? " Cita termiņa plāns: `npm run cli -- cutoff plan N` (sk. `npm run cli -- cutoff list`)." : ""}`,
    /** `replies` without `--cutoff` and no live cut-off (exit 1). */
    repliesNone:
      "Spēkā esoša ziņošanas termiņa nav. Norādiet termiņu ar --cutoff N (arī noņemtu); visi termiņi: `npm run cli -- cutoff list`.",
    /** `cutoff plan --json` without a number and no live cut-off (exit 1). */
    planNone:
      "Spēkā esoša ziņošanas termiņa nav, tāpēc nav arī plāna. Termiņu pievienojiet ar `cutoff add <datums> <nosaukums>`.",
    /** Several live cut-offs, none active (exit 1); `how` the flag or command to name one. */
    undecided: (count: number, days: number, how: string) =>
      `Spēkā ir ${count} ${lvPlural(count, "ziņošanas termiņš", "ziņošanas termiņi")}, bet neviens nav aktīvs: visi pagāja pirms vairāk nekā ${days} dienām. Norādiet numuru: ${how} (sk. \`npm run cli -- cutoff list\`).`,
  },
};

const en: typeof lv = {
  planLead: (why, id, title, when, stale = null) =>
    `No cut-off number given, so this is the plan of ${whyEn[why]}, *#${id}* (${title}, ${when}).${passedEn[why] ?? ""}${staleEn(stale)}`,
  planOthers: (by, days, example) => {
    const count = by.ahead.count + by.recent.count + by.older.count;
    const how = `${count === 1 ? "for its plan" : "for another one's plan"}, \`/cutoff plan ${example}\`; for all cut-offs, \`/cutoff list\`.`;
    if (by.recent.count + by.older.count === 0)
      return `${count === 1 ? "There is" : "There are"} ${enCount(count, "other live cut-off", "other live cut-offs")} (${by.ahead.ids}): ${how}`;
    const groups = [
      by.ahead.count > 0 ? `${by.ahead.ids} – ahead` : "",
      by.recent.count > 0
        ? `${by.recent.ids} – passed within the last ${enCount(days, "day", "days")} (replies may still come in)`
        : "",
      by.older.count > 0
        ? `${by.older.ids} – passed more than ${enCount(days, "day", "days")} ago`
        : "",
    ].filter(Boolean);
    return `${count === 1 ? "There is" : "There are"} ${enCount(count, "other cut-off", "other cut-offs")}: ${groups.join("; ")}. ${how.charAt(0).toUpperCase()}${how.slice(1)}`;
  },
  planNone:
    "There is no live reporting cut-off, so there is no reminder plan. Add a cut-off with `/cutoff add &lt;date&gt; &lt;title&gt;`.",
  planUndecided: (count, days, example) =>
    `There are ${count} live cut-offs, but none is active: all passed more than ${days} days ago. Give the cut-off's number, e.g. \`/cutoff plan ${example}\`.`,
  cli: {
    replies: (why, id, title, when, others, stale = null) =>
      `Without --cutoff: the replies of ${whyEn[why]}, #${id} “${title}” (${when}).${noNextEn[why] ?? ""}${staleEn(stale)}${others > 0 ? " For another one: --cutoff N (see `npm run cli -- cutoff list`)." : ""}`,
    plan: (why, id, title, when, others, stale = null) =>
      `No number given: the plan of ${whyEn[why]}, #${id} “${title}” (${when}).${noNextEn[why] ?? ""}${staleEn(stale)}${others > 0 ? " For another one: `npm run cli -- cutoff plan N` (see `npm run cli -- cutoff list`)." : ""}`,
    repliesNone:
      "There is no live reporting cut-off. Name one with --cutoff N (a removed one too); all cut-offs: `npm run cli -- cutoff list`.",
    planNone:
      "There is no live reporting cut-off, so there is no plan. Add a cut-off with `cutoff add <date> <title>`.",
    undecided: (count, days, how) =>
      `There are ${count} live cut-offs, but none is active: all passed more than ${days} days ago. Give its number: ${how} (see \`npm run cli -- cutoff list\`).`,
  },
};

/** Texts for the cut-off taken when none is named: `/cutoff plan`, `cutoff plan`, `replies`. */
export const cutoffDefaultText = defineCatalog<typeof lv>({ lv, en });
