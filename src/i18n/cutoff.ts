import { cutoffPlanTexts, type PlanTexts } from "./cutoff-plan.ts";
import { dateInputText } from "./date-input.ts";
import { defineCatalog, enCount, lvPlural } from "./define.ts";

/** "1 uzdevums", "10 uzdevumi": the count and the noun's form, see {@link lvPlural}. */
const lvCount = (n: number, one: string, other: string) => `${n} ${lvPlural(n, one, other)}`;
/** A complete command naming cut-off 3: `move` needs the new date and time too. */
const idExample = (sub: string) =>
  sub === "move" ? "/cutoff move 3 2027-02-01 12:00" : `/cutoff ${sub} 3`;

const lv = {
  title: "Ziņošanas termiņi: /cutoff",
  /** The CLI's heading of `cutoff list` (and its usage): no slash command in it. */
  cliTitle: "Ziņošanas termiņi",
  usage: [
    "*Kā lietot*",
    "• `/cutoff list` – ziņošanas termiņi, to apjoms un nākamais atgādinājums (skatīt var ikviens)",
    "• `/cutoff add 2027-02-01 Informatīvais ziņojums MK` – jauns termiņš; tas beidzas šīs dienas beigās pēc Rīgas laika",
    "• `/cutoff add 2027-02-01 12:00 --tasks 1,5,14 Nosaukums` – ar laiku un tikai par šiem uzdevumiem",
    "• `/cutoff add 2027-02-01 Nosaukums --time 12:00` – laiku var norādīt arī ar `--time` (kā komandrindā)",
    "• `/cutoff move 3 2027-02-05` (vai `… 2027-02-05 12:00`, `… 2027-02-05 --time 12:00`) – pārcelt termiņu; bez laika tas paliek tajā pašā diennakts laikā",
    "• `/cutoff remove 3` – noņemt termiņu (saņemtās atbildes paliek)",
    "• `/cutoff plan 3` – kas, kam un kad tiks nosūtīts; `/cutoff plan` bez numura – tas pats par termiņu, uz kuru lietotne pašlaik strādā (vienīgo spēkā esošo vai nākamo)",
    "Pēc noklusējuma termiņš aptver visus neizpildītos uzdevumus, kā arī regulāros un ikgadējos. Mainīt un skatīt plānu var tikai sekretārs.",
  ].join("\n"),
  none: "Ziņošanas termiņu vēl nav. Sekretārs tos pievieno ar `/cutoff add &lt;datums&gt; &lt;nosaukums&gt;`.",
  /** `none` when removed cut-offs are listed below it: no "vēl" (there were some). */
  noneLive:
    "Spēkā esošu ziņošanas termiņu nav. Sekretārs tos pievieno ar `/cutoff add &lt;datums&gt; &lt;nosaukums&gt;`.",
  scope: (tasks: number, institutions: number) =>
    `${lvCount(tasks, "uzdevums", "uzdevumi")}, ${lvCount(institutions, "institūcija", "institūcijas")}`,
  narrowed: "tikai norādītie uzdevumi",
  /** In a list line after {@link lv.scope}: of those institutions, `n` have no Slack channel. */
  listUnmapped: (n: number) => `${n} bez kanāla`,
  /** In a list line instead of the next reminder: every institution in scope has answered. */
  allAnswered: "visas institūcijas ir atbildējušas",
  next: (when: string) => `nākamais atgādinājums: ${when}`,
  noNext: "atgādinājumu vairs nav",
  passed: "termiņš pagājis",
  more: (left: number) => `… un vēl ${left}.`,
  added: (id: number, when: string, title: string) =>
    `Pievienots ziņošanas termiņš *#${id}*: *${when}* – ${title}.`,
  /** `first`: the sentence on the first reminder ({@link firstReminder}, {@link addedNow}), or null. */
  addedScope: (scope: string, first: string | null) =>
    `Apjoms: ${scope}.${first ? ` ${first}` : ""}`,
  /** The first reminder of a cut-off just added, none of whose times had passed. */
  firstReminder: (when: string) => `Pirmais atgādinājums: ${when}.`,
  /**
   * A cut-off added so late that a reminder's time has passed: the latest passed one goes out
   * at once (so institutions get at least one), `at` its planned time, `kind` its offset in
   * words ("4 minūtes pirms termiņa"); `next` the next reminder still planned, or null.
   */
  addedNow: (at: string, kind: string, next: string | null) =>
    `Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (${at} – ${kind}) jau pagājis.${next ? ` Nākamais atgādinājums: ${next}.` : ""}`,
  /**
   * With {@link addedNow}: earlier reminders whose time had passed too, not sent (only one goes
   * out at once); `kinds` their offsets in words, `count` how many.
   */
  addedSkipped: (kinds: string, count: number) =>
    count === 1
      ? `Agrākā atgādinājuma (${kinds}) laiks arī pagājis – tas netiks sūtīts.`
      : `Agrāko atgādinājumu (${kinds}) laiks arī pagājis – tie netiks sūtīti.`,
  /**
   * Institutions in scope with no Slack channel: `codes` joined, `first` one of them for the
   * fix; `reminders`: how many of the `total` reminders planned are theirs (they will not be
   * sent): "4 no 10 plānotajiem atgādinājumiem netiks nosūtīti".
   */
  unmapped: (codes: string, first: string, reminders: number, total: number) =>
    `⚠️ Nav Slack kanāla: ${codes} – ${reminders} no ${total} ${lvPlural(total, "plānotā atgādinājuma", "plānotajiem atgādinājumiem")} ${lvPlural(reminders, "netiks nosūtīts", "netiks nosūtīti")}. Norādiet kanālu: \`/institution set ${first} #kanāls\`.`,
  planHint: (id: number) => `Plāns: \`/cutoff plan ${id}\``,
  /**
   * The cut-off's day is no working day: `day` in full ("2026. gada 6. decembris"), `what` it
   * is ("svētdiena", "svētku diena (Jāņi)" …), `example` the command moving it to the day before.
   */
  nonWorkingDay: (day: string, what: string, example: string) =>
    `⚠️ ${day} ir ${what} – tā nav darba diena. Termiņš saglabāts; ja domāta iepriekšējā darba diena, pārceliet to: \`${example}\`.`,
  saturday: "sestdiena",
  sunday: "svētdiena",
  /** A public holiday by its name: "svētku diena (Jāņi)". */
  holiday: (name: string) => `svētku diena (${name})`,
  /** A holiday on a weekend: "svētdiena un svētku diena (Lieldienas)". */
  weekendHoliday: (weekday: string, name: string) => `${weekday} un svētku diena (${name})`,
  moved: (id: number, from: string, to: string) =>
    `Ziņošanas termiņš *#${id}* pārcelts: ${from} → *${to}*.`,
  movedPlanned: (count: number, first: string) =>
    `Jaunajam laikam ${lvPlural(count, "plānots", "plānoti")} ${lvCount(count, "atgādinājums", "atgādinājumi")}, pirmais ${first}.`,
  /**
   * After a move, a reminder whose time had passed goes out now (an institution with no
   * reminder of that kind for the old time catches up): `count` planned for the new time, `at`
   * the passed time, `kind` its offset in words, `next` the first still ahead (or null).
   */
  movedNow: (count: number, at: string, kind: string, next: string | null) =>
    `Jaunajam laikam ${lvPlural(count, "plānots", "plānoti")} ${lvCount(count, "atgādinājums", "atgādinājumi")}. Pirmais tiks nosūtīts tūlīt, jo tā laiks (${at} – ${kind}) jau pagājis.${next ? ` Nākamais atgādinājums: ${next}.` : ""}`,
  /**
   * After a move, apart from the count: `count` reminders planned for the new time that the
   * sender will skip, as the institutions `codes` ("LM, TM") answered every task.
   */
  movedAnswered: (count: number, codes: string) =>
    `Vēl ${lvCount(count, "atgādinājums", "atgādinājumi")} netiks ${lvPlural(count, "nosūtīts", "nosūtīti")} – viss atbildēts (${codes}).`,
  /** After a move, when every reminder planned for the new time is of such institutions. */
  movedAllAnswered: (count: number, codes: string) =>
    `Jaunajam laikam neviens atgādinājums netiks nosūtīts: ${lvCount(count, "plānotais", "plānotie")} ${lvPlural(count, "tiks izlaists", "tiks izlaisti")} – viss atbildēts (${codes}).`,
  /**
   * After a move, when every reminder planned for the new time is of institutions the app
   * cannot reach (no Slack channel, or one known unreachable; the warnings below say which).
   */
  movedNoneReached: (count: number) =>
    `Jaunajam laikam ${lvPlural(count, "plānots", "plānoti")} ${lvCount(count, "atgādinājums", "atgādinājumi")}, bet neviens netiks nosūtīts: institūcijas nav sasniedzamas Slack (sk. zemāk).`,
  movedAllPast: (after: string) =>
    `Pirms jaunā laika atgādinājumus plānot nevar: visu to laiki jau pagājuši. Atgādinājums pēc termiņa: ${after}.`,
  movedNoScope: "Atgādinājumu nav: termiņā nav uzdevumu ar atbildīgajām institūcijām.",
  /** `threads`: reminder threads already posted, whose first message will show the new time. */
  movedThreads: (threads: number) =>
    `Jau nosūtītajos atgādinājumos (${lvCount(threads, "pavediens", "pavedieni")}) pirmajā ziņā tiks norādīts jaunais laiks.`,
  /**
   * After a move to a later time: `count` replies received after the old time and before the
   * new one are no longer marked late (the mark follows the cut-off's present time), though
   * their authors were told privately they were late when the replies were stored.
   */
  movedLate: (count: number) =>
    `⚠️ ${count} ${lvPlural(count, "atbilde saņemta", "atbildes saņemtas")} pēc iepriekšējā laika, bet pirms jaunā: /task, kopsavilkumā un pielikumā ${lvPlural(count, "tā vairs nebūs atzīmēta", "tās vairs nebūs atzīmētas")} „pēc ziņošanas termiņa”, lai gan ${lvPlural(count, "tās autoram tika paziņots, ka atbilde novēlota", "to autoriem tika paziņots, ka atbildes novēlotas")}.`,
  earlierCutoff: (at: string) => `iepriekšējam termiņa laikam ${at}`,
  same: (id: number, when: string) =>
    `Ziņošanas termiņš *#${id}* jau ir ${when}; nekas nav mainīts.`,
  /**
   * `/cutoff add` refused: live cut-off `id` (`title`, shown at `when`) of the current programme
   * is in the minute asked for as shown (end of day reads 23:59), whatever its title (two would
   * give every institution two reminder threads). Names what to do instead; `cli`: the CLI
   * asks, whose `cutoff move` takes the time as `--time` only (the terminal writes the form as
   * `npm run cli -- cutoff move …`).
   */
  duplicate: (id: number, title: string, when: string, cli = false) =>
    `Šajā laikā ziņošanas termiņš jau ir: *#${id}* *${when}* – ${title}. Otru nepievienoju: katra institūcija saņemtu divus atgādinājumu pavedienus. Ja vajag citu laiku, pārceliet esošo (\`/cutoff move ${id} &lt;datums&gt; ${cli ? "--time HH:MM" : "[HH:MM]"}\`), ja tas ir lieks – noņemiet (\`/cutoff remove ${id}\`), vai izvēlieties jaunajam citu laiku.`,
  /** `/cutoff move` of `moved` refused: live cut-off `id` (`title`, at `when`) is in that minute. */
  moveDuplicate: (id: number, title: string, when: string, moved: number) =>
    `Šajā laikā ziņošanas termiņš jau ir: *#${id}* *${when}* – ${title}. *#${moved}* nepārceļu: katra institūcija saņemtu divus atgādinājumu pavedienus. Izvēlieties citu laiku vai, ja *#${moved}* ir lieks, noņemiet to: \`/cutoff remove ${moved}\`.`,
  /** Added, but a cut-off of the same title is due the same day at another time (`at`). */
  sameDay: (id: number, at: string, added: number) =>
    `⚠️ Tajā pašā dienā jau ir ziņošanas termiņš ar tādu pašu nosaukumu: *#${id}* ${at}. Ja jaunais ir lieks, noņemiet to: \`/cutoff remove ${added}\`.`,
  removed: (id: number, title: string, when: string) =>
    `Ziņošanas termiņš *#${id}* (${title}, ${when}) noņemts: tā atgādinājumi vairs netiks sūtīti. Saņemtās atbildes paliek.`,
  /** No cut-off ever had number `id` (a removed one is named: {@link planRemoved} and alike). */
  notFound: (id: number) => `Ziņošanas termiņa #${id} nav.`,
  /**
   * `/cutoff move` of a removed cut-off: refused, pointing to `/cutoff add`; arguments as
   * {@link planRemoved}'s.
   */
  moveRemoved: (id: number, title: string, when: string, day: string) =>
    `Ziņošanas termiņš *#${id}* (${title}, ${when}) ir noņemts ${day}; noņemtu termiņu pārcelt nevar. Jaunu termiņu pievienojiet ar \`/cutoff add &lt;datums&gt; &lt;nosaukums&gt;\`.`,
  /**
   * `/cutoff remove` of a cut-off removed already (nothing is changed); arguments as
   * {@link planRemoved}'s.
   */
  removeRemoved: (id: number, title: string, when: string, day: string) =>
    `Ziņošanas termiņš *#${id}* (${title}, ${when}) jau ir noņemts ${day}; nekas nav mainīts.`,
  /**
   * `/cutoff plan` of a removed cut-off: `title` (mrkdwn-escaped), `when` its time as
   * `formatInstant` writes it, `day` the day it was removed, "30.11.2026." (`formatInstantDay`).
   */
  planRemoved: (id: number, title: string, when: string, day: string) =>
    `Ziņošanas termiņš *#${id}* (${title}, ${when}) ir noņemts ${day.replace(/\.$/, "")}. Tā atgādinājumi vairs netiek sūtīti; saņemtās atbildes ir saglabātas.`,
  /** `/cutoff list`'s last line: the removed cut-offs, `items` joined {@link removedItem}s. */
  removedList: (items: string) => `Noņemtie termiņi: ${items}`,
  /** One removed cut-off in {@link removedList}: as {@link planRemoved}'s arguments. */
  removedItem: (id: number, title: string, when: string, day: string) =>
    `#${id} ${title} (${when}) – noņemts ${day}`,
  listHint: "Ziņošanas termiņi: `/cutoff list`",
  /**
   * After a move given only a date: the cut-off kept its time of day (`time` "10:00"). `cli`:
   * the CLI asks, which takes another time as `--time` only (a word after the date is refused).
   */
  keptTime: (time: string, cli = false) =>
    `Laiks nav norādīts – saglabāts līdzšinējais laiks ${time}; citu laiku norādiet ${cli ? "" : "pēc datuma vai "}ar \`--time\`.`,
  /**
   * After a move given only a date of an end-of-day cut-off (23:59 local): it stays end of day.
   * `cli` as {@link keptTime}'s.
   */
  keptEndOfDay: (cli = false) =>
    `Laiks nav norādīts – termiņš joprojām ir dienas beigās (23:59); citu laiku norādiet ${cli ? "" : "pēc datuma vai "}ar \`--time\`.`,
  removedThreads: (threads: number) =>
    `Jau nosūtītajos atgādinājumos (${lvCount(threads, "pavediens", "pavedieni")}) pirmajā ziņā tiks norādīts, ka termiņš noņemts.`,
  /**
   * In place of a removed cut-off's reminder (its thread root's first section): `code` the
   * institution, `cutoff` the cut-off's time as `formatInstant` writes it, `title` its title
   * (mrkdwn-escaped), `day` the day it was removed, "30.11.2026." (`formatInstantDay`). It no
   * longer asks for anything by a time that is gone.
   */
  rootRemoved: (code: string, cutoff: string, title: string, day: string) =>
    `${code}: ziņošanas termiņš *${cutoff}* (${title}) ir noņemts ${day.replace(/\.$/, "")}. Atbildes šeit vairs netiek gaidītas; saņemtās ir saglabātas.`,
  /** After `replies --cutoff N`'s heading when the cut-off was removed (its replies are kept). */
  removedMark: "ziņošanas termiņš noņemts; saņemtās atbildes saglabātas",
  /** Under `export annex --cutoff N` of a removed cut-off. */
  removedExport: (id: number) =>
    `Ziņošanas termiņš #${id} ir noņemts; pielikumā ir tam saglabātās atbildes.`,
  inPast: (when: string) => `${when} jau ir pagājis: ziņošanas termiņam jābūt nākotnē.`,
  nonexistent: (date: string, time: string, zone: string) =>
    `${date} plkst. ${time} (${zone}) nav: tajā naktī pulksteņus pagriež stundu uz priekšu. Izvēlieties citu laiku, piemēram, 04:00.`,
  ambiguous: (date: string, time: string, zone: string) =>
    `${date} plkst. ${time} (${zone}) pienāk divreiz: tajā naktī pulksteņus pagriež stundu atpakaļ. Izvēlieties citu laiku, piemēram, 04:00.`,
  noProgramme:
    "Programma vēl nav importēta. Sekretārs to var importēt ar `koordinators import &lt;fails&gt;`.",
  /** `count`: how many numbers `numbers` lists ("Programmā nav uzdevuma 999." for one). */
  unknownTasks: (numbers: string, count: number) =>
    count === 1 ? `Programmā nav uzdevuma ${numbers}.` : `Programmā nav šādu uzdevumu: ${numbers}.`,
  /**
   * `--tasks` named headings, stored as their sub-tasks: `lines` one per heading, "13 → 13.1,
   * 13.2, 13.3, 13.4".
   */
  headingsExpanded: (lines: string[]) =>
    `${lines.length === 1 ? "Virsraksts nozīmē tā apakšuzdevumus" : "Virsraksti nozīmē to apakšuzdevumus"}: ${lines.join("; ")}.`,
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  missingDate: (sub: string): string =>
    sub === "move"
      ? "Norādiet jauno datumu, piemēram, `/cutoff move 3 2027-02-05`."
      : "Norādiet datumu un nosaukumu, piemēram, `/cutoff add 2027-02-01 Informatīvais ziņojums MK`.",
  ...dateInputText("lv"),
  badTime: (input: string) =>
    `Laiks „${input}” nav derīgs: rakstiet stundas un minūtes no 00:00 līdz 23:59 (HH:MM), piemēram, 12:00, 9.30 vai plkst. 12:00.`,
  /**
   * A time typed with seconds (`input`, "12:00:30"): a cut-off is set to the minute, as every
   * time is shown; `minute` is the time without them ("12:00").
   */
  timeSeconds: (input: string, minute: string) =>
    `Laiks „${input}” ir ar sekundēm: ziņošanas termiņu norāda stundās un minūtēs (HH:MM), piemēram, ${minute}.`,
  missingTime: "Aiz `--time` norādiet laiku, piemēram, `--time 12:00`.",
  /** A time after the date and another as `--time` (or two `--time`s) that differ. */
  timesDiffer: (first: string, second: string) =>
    `Norādīti divi dažādi laiki: „${first}” un „${second}”. Norādiet vienu – tūlīt aiz datuma vai ar \`--time\`.`,
  missingTitle:
    "Norādiet ziņošanas termiņa nosaukumu, piemēram, `/cutoff add 2027-02-01 Informatīvais ziņojums MK`.",
  titleTooLong: (length: number, max: number) =>
    `Nosaukums ir par garu (${lvCount(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  tasksTwice:
    "`--tasks` ir norādīts divreiz: uzskaitiet uzdevumus vienā sarakstā, piem., `--tasks 1,5,14`.",
  badTasks: (input: string) =>
    `„${input}” nav uzdevumu numuru saraksts: rakstiet, piemēram, \`--tasks 1,5,14\` vai \`--tasks 10.1.2\`.`,
  missingId: (sub: string) =>
    `Norādiet ziņošanas termiņa numuru, piemēram, \`${idExample(sub)}\` (numuri: \`/cutoff list\`).`,
  badId: (input: string, sub: string) =>
    `„${input}” nav ziņošanas termiņa numurs. Rakstiet, piemēram, \`${idExample(sub)}\`.`,
  /** A time typed after the title; `example`: the command as it should read (as `/session` says it). */
  timeAfterTitle: (time: string, example: string) =>
    `Laiku „${time}” rakstiet tūlīt aiz datuma, pirms nosaukuma: \`${example}\`.`,
  extra: (text: string) => `Lieks teksts: „${text}”.`,
  tooLong: (length: number, max: number) =>
    `Teksts ir par garu (${lvCount(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  usageHint: "Palīdzība: `/cutoff help`",
};

const en: typeof lv = {
  title: "Reporting cut-offs: /cutoff",
  cliTitle: "Reporting cut-offs",
  usage: [
    "*How to use*",
    "• `/cutoff list` – the cut-offs, their scope and the next reminder (anyone may look)",
    "• `/cutoff add 2027-02-01 Informatīvais ziņojums MK` – a new cut-off; it ends at the end of that day, Riga time",
    "• `/cutoff add 2027-02-01 12:00 --tasks 1,5,14 Title` – with a time, and only about these tasks",
    "• `/cutoff add 2027-02-01 Title --time 12:00` – the time may also be given as `--time` (as in the CLI)",
    "• `/cutoff move 3 2027-02-05` (or `… 2027-02-05 12:00`, `… 2027-02-05 --time 12:00`) – move a cut-off; without a time it keeps its time of day",
    "• `/cutoff remove 3` – remove a cut-off (replies received stay)",
    "• `/cutoff plan 3` – what goes out to whom, and when; `/cutoff plan` without a number – the same for the cut-off the app is working towards (the only live one, or the next)",
    "By default a cut-off covers every task not done, plus the recurring and annual ones. Only the secretary makes changes and sees the plan.",
  ].join("\n"),
  none: "There are no reporting cut-offs yet. The secretary adds them with `/cutoff add &lt;date&gt; &lt;title&gt;`.",
  noneLive:
    "There are no live reporting cut-offs. The secretary adds them with `/cutoff add &lt;date&gt; &lt;title&gt;`.",
  scope: (tasks, institutions) =>
    `${enCount(tasks, "task", "tasks")}, ${enCount(institutions, "institution", "institutions")}`,
  narrowed: "only the tasks named",
  listUnmapped: (n) => `${n} without a channel`,
  allAnswered: "all institutions have answered",
  next: (when) => `next reminder: ${when}`,
  noNext: "no reminders left",
  passed: "cut-off passed",
  more: (left) => `… and ${left} more.`,
  added: (id, when, title) => `Added reporting cut-off *#${id}*: *${when}* – ${title}.`,
  addedScope: (scope, first) => `Scope: ${scope}.${first ? ` ${first}` : ""}`,
  firstReminder: (when) => `First reminder: ${when}.`,
  addedNow: (at, kind, next) =>
    `The first reminder goes out now, as its time (${at} – ${kind}) has already passed.${next ? ` Next reminder: ${next}.` : ""}`,
  addedSkipped: (kinds, count) =>
    count === 1
      ? `The earlier reminder's time (${kinds}) has passed too – it will not be sent.`
      : `The earlier reminders' times (${kinds}) have passed too – they will not be sent.`,
  unmapped: (codes, first, reminders, total) =>
    `⚠️ No Slack channel: ${codes} – ${reminders} of the ${enCount(total, "reminder", "reminders")} planned will not be sent. Set a channel: \`/institution set ${first} #channel\`.`,
  planHint: (id) => `Plan: \`/cutoff plan ${id}\``,
  nonWorkingDay: (day, what, example) =>
    `⚠️ ${day} is ${what}, not a working day in Latvia. The cut-off is saved; if the working day before was meant, move it: \`${example}\`.`,
  saturday: "a Saturday",
  sunday: "a Sunday",
  holiday: (name) => `a public holiday (${name})`,
  weekendHoliday: (weekday, name) => `${weekday} and a public holiday (${name})`,
  moved: (id, from, to) => `Cut-off *#${id}* moved: ${from} → *${to}*.`,
  movedPlanned: (count, first) =>
    `${enCount(count, "reminder", "reminders")} planned for the new time, the first ${first}.`,
  movedNow: (count, at, kind, next) =>
    `${enCount(count, "reminder", "reminders")} planned for the new time. The first goes out now, as its time (${at} – ${kind}) has already passed.${next ? ` Next reminder: ${next}.` : ""}`,
  movedAnswered: (count, codes) =>
    `${count} more ${count === 1 ? "reminder" : "reminders"} will not be sent – all answered (${codes}).`,
  movedAllAnswered: (count, codes) =>
    `No reminder will go out for the new time: the ${enCount(count, "reminder", "reminders")} planned will be skipped – all answered (${codes}).`,
  movedNoneReached: (count) =>
    `${enCount(count, "reminder", "reminders")} planned for the new time, but none will be sent: the institutions cannot be reached on Slack (see below).`,
  movedAllPast: (after) =>
    `No reminder can be planned before the new time: all their times have passed. Reminder after the cut-off: ${after}.`,
  movedNoScope: "No reminders: the cut-off has no tasks with responsible institutions.",
  movedThreads: (threads) =>
    `The reminders already posted (${enCount(threads, "thread", "threads")}) will show the new time in their first message.`,
  movedLate: (count) =>
    count === 1
      ? "⚠️ 1 reply came in after the earlier time but before the new one: /task, the digest and the annex will no longer mark it “after the reporting cut-off”, though its author was told it was late."
      : `⚠️ ${count} replies came in after the earlier time but before the new one: /task, the digest and the annex will no longer mark them “after the reporting cut-off”, though their authors were told they were late.`,
  earlierCutoff: (at) => `for the cut-off's earlier time ${at}`,
  same: (id, when) => `Cut-off *#${id}* is already at ${when}; nothing changed.`,
  duplicate: (id, title, when, cli = false) =>
    `A cut-off is already at this time: *#${id}* *${when}* – ${title}. I did not add a second one: every institution would get two reminder threads. To change its time, move it (\`/cutoff move ${id} &lt;date&gt; ${cli ? "--time HH:MM" : "[HH:MM]"}\`); if it is not wanted, remove it (\`/cutoff remove ${id}\`); or choose another time for the new one.`,
  moveDuplicate: (id, title, when, moved) =>
    `A cut-off is already at this time: *#${id}* *${when}* – ${title}. I did not move *#${moved}*: every institution would get two reminder threads. Choose another time or, if *#${moved}* is not wanted, remove it: \`/cutoff remove ${moved}\`.`,
  sameDay: (id, at, added) =>
    `⚠️ A cut-off with the same title is already due that day: *#${id}* ${at}. If the new one is not wanted, remove it: \`/cutoff remove ${added}\`.`,
  removed: (id, title, when) =>
    `Cut-off *#${id}* (${title}, ${when}) removed: its reminders will not be sent. Replies received stay.`,
  notFound: (id) => `There is no reporting cut-off #${id}.`,
  moveRemoved: (id, title, when, day) =>
    `Cut-off *#${id}* (${title}, ${when}) was removed on ${day}; a removed cut-off cannot be moved. Add a new one with \`/cutoff add &lt;date&gt; &lt;title&gt;\`.`,
  removeRemoved: (id, title, when, day) =>
    `Cut-off *#${id}* (${title}, ${when}) was already removed on ${day}; nothing changed.`,
  planRemoved: (id, title, when, day) =>
    `Cut-off *#${id}* (${title}, ${when}) was removed on ${day}: its reminders are no longer sent; the replies received are kept.`,
  removedList: (items) => `Removed cut-offs: ${items}`,
  removedItem: (id, title, when, day) => `#${id} ${title} (${when}) – removed on ${day}`,
  listHint: "Cut-offs: `/cutoff list`",
  keptTime: (time, cli = false) =>
    `No time given – it keeps its previous time, ${time}; for another, give one ${cli ? "" : "after the date or "}with \`--time\`.`,
  keptEndOfDay: (cli = false) =>
    `No time given – the cut-off is still at the end of the day (23:59); for another time, give one ${cli ? "" : "after the date or "}with \`--time\`.`,
  removedThreads: (threads) =>
    `The reminders already posted (${enCount(threads, "thread", "threads")}) will say in their first message that the cut-off was removed.`,
  rootRemoved: (code, cutoff, title, day) =>
    `${code}: the reporting cut-off *${cutoff}* (${title}) was removed on ${day}. Replies are no longer expected here; those received are kept.`,
  removedMark: "cut-off removed; the replies received are kept",
  removedExport: (id) => `Cut-off #${id} was removed; the annex holds the replies kept for it.`,
  inPast: (when) => `${when} has already passed: a cut-off must be in the future.`,
  nonexistent: (date, time, zone) =>
    `${date} ${time} (${zone}) does not exist: the clocks go forward an hour that night. Pick another time, e.g. 04:00.`,
  ambiguous: (date, time, zone) =>
    `${date} ${time} (${zone}) happens twice: the clocks go back an hour that night. Pick another time, e.g. 04:00.`,
  noProgramme:
    "No programme has been imported yet. The secretary can import one with `koordinators import &lt;file&gt;`.",
  headingsExpanded: (lines) =>
    `${lines.length === 1 ? "A heading stands for its sub-tasks" : "Headings stand for their sub-tasks"}: ${lines.join("; ")}.`,
  unknownTasks: (numbers, count) =>
    count === 1
      ? `The programme has no task ${numbers}.`
      : `The programme has no such tasks: ${numbers}.`,
  notUnderstood: (text) => `I did not understand “${text}”.`,
  missingDate: (sub) =>
    sub === "move"
      ? "Give the new date, e.g. `/cutoff move 3 2027-02-05`."
      : "Give a date and a title, e.g. `/cutoff add 2027-02-01 Informatīvais ziņojums MK`.",
  ...dateInputText("en"),
  badTime: (input) =>
    `“${input}” is not a time: write hours and minutes from 00:00 to 23:59 (HH:MM), e.g. 12:00, 9.30 or plkst. 12:00.`,
  timeSeconds: (input, minute) =>
    `“${input}” has seconds: a cut-off is set in hours and minutes (HH:MM), e.g. ${minute}.`,
  missingTime: "Give a time after `--time`, e.g. `--time 12:00`.",
  timesDiffer: (first, second) =>
    `Two different times given: “${first}” and “${second}”. Give one – right after the date or as \`--time\`.`,
  missingTitle:
    "Give the cut-off a title, e.g. `/cutoff add 2027-02-01 Informatīvais ziņojums MK`.",
  titleTooLong: (length, max) => `The title is too long (${length} characters; at most ${max}).`,
  tasksTwice: "`--tasks` is given twice: list the tasks once, e.g. `--tasks 1,5,14`.",
  badTasks: (input) =>
    `“${input}” is not a list of task numbers: write e.g. \`--tasks 1,5,14\` or \`--tasks 10.1.2\`.`,
  missingId: (sub) =>
    `Give the cut-off's number, e.g. \`${idExample(sub)}\` (numbers: \`/cutoff list\`).`,
  badId: (input, sub) => `“${input}” is not a cut-off number. Write e.g. \`${idExample(sub)}\`.`,
  timeAfterTitle: (time, example) =>
    `Write the time “${time}” right after the date, before the title: \`${example}\`.`,
  extra: (text) => `Unexpected text: “${text}”.`,
  tooLong: (length, max) => `The text is too long (${length} characters; at most ${max}).`,
  usageHint: "Help: `/cutoff help`",
};

/** Texts of `/cutoff`: the list, changes, and the reminder plan (src/i18n/cutoff-plan.ts). */
export const cutoffText = defineCatalog<typeof lv & PlanTexts>({
  lv: { ...lv, ...cutoffPlanTexts.lv },
  en: { ...en, ...cutoffPlanTexts.en },
});
