import type { UnreachableWhy } from "./cutoff-reach.ts";
import { dateInputText } from "./date-input.ts";
import { defineCatalog, lvPlural } from "./define.ts";
import { channelProblemText } from "./reminder.ts";

/** Why a reminder was not delivered, as the reminders table's `detail` names it. */
const problemLv: Record<string, string> = {
  ...channelProblemText("lv"),
  no_mapping: "institūcijai nebija norādīts Slack kanāls",
};
const problemEn: Record<string, string> = {
  ...channelProblemText("en"),
  no_mapping: "the institution had no Slack channel",
};

/** Slack's error code of each stored unreachable state, so the cause reads as a failed reminder's. */
const ERROR_OF: Record<UnreachableWhy, string> = {
  not_found: "channel_not_found",
  not_member: "not_in_channel",
  archived: "is_archived",
};

/** "`/institution set IEM #kanāls @… @…`", one per code, to copy as it stands. */
const standIn = (codes: string[], channel: string) =>
  codes.map((code) => `\`/institution set ${code} ${channel} @… @…\``).join(", ");

const lv = {
  title: "Institūcijas: /institution",
  usage: [
    "*Kā lietot*",
    "• `/institution IEM` – institūcijas kanāls un kontaktpersonas (skatīt var ikviens)",
    "• `/institution list` – tikai visas institūcijas un to kanāli, bez šīs palīdzības",
    "• `/institution set IEM #kanāls @anna @janis` – piesaistīt kanālu un kontaktpersonas (iepriekšējās kontaktpersonas aizstāj)",
    "• `/institution set IEM #kanāls` – mainīt tikai kanālu (kontaktpersonas paliek tās pašas)",
    "• `/institution set IEM #kanāls --no-contacts` – noņemt visas kontaktpersonas (atgādinājumos neviens netiks pieminēts)",
    "• `/institution away @janis 2027-01-15` – kontaktpersona prombūtnē līdz šai dienai ieskaitot; atgādinājumos piemin pārējās",
    "• `/institution away @janis off` – kontaktpersona atkal ir darbā",
    "• `/institution add GP Ģenerālprokuratūra` – pievienot institūciju, kuras nav ziņojuma sarakstā",
    "Kanālu un cilvēkus izvēlieties no Slack piedāvātā saraksta (rakstot # un @). Mainīt var tikai sekretārs.",
  ].join("\n"),
  listHeading: (mapped: number, all: number) =>
    `*Institūcijas* – piesaistītas Slack: ${mapped} no ${all}`,
  unmappedMark: "nav piesaistīta",
  /** The list line's mark for a mapped channel where the last reminder tried could not be sent. */
  listProblemMark: (reason: string) =>
    `pēdējais atgādinājums netika nosūtīts: ${problemLv[reason] ?? `Slack atbildēja „${reason}”`}`,
  /**
   * The list line's note when the last reminder failed (Slack's error `reason`, or "no_mapping")
   * and the channel has been fixed or changed since (set, for "no_mapping"), as the Home says it.
   */
  listFixedMark: (reason: string) =>
    reason === "no_mapping"
      ? "pēdējais atgādinājums netika nosūtīts, jo toreiz nebija iestatīts kanāls; tagad tas ir iestatīts"
      : `pēdējais atgādinājums netika nosūtīts (toreiz: ${problemLv[reason] ?? `Slack atbildēja „${reason}”`}); kopš tā kanāls ir salabots vai nomainīts`,
  /** The list line's mark for a mapped channel Slack last said the app cannot post to. */
  listUnreachableMark: (why: UnreachableWhy) =>
    `kanāls nav sasniedzams: ${problemLv[ERROR_OF[why]]}`,
  more: (left: number) => `… un vēl ${left}.`,
  channel: "Kanāls",
  contacts: "Kontaktpersonas",
  aliases: "Citi apzīmējumi",
  noChannel: "⚠️ nav piesaistīts – atgādinājumus nav kur sūtīt",
  noContacts: "nav norādītas – atgādinājumos neviens netiks pieminēts",
  awayUntil: (date: string) => `prombūtnē līdz ${date} ieskaitot`,
  /** How to change a mapping; `secretaryOnly` false where anyone asking may (the CLI). */
  changeHint: (code: string, secretaryOnly = true) =>
    `Mainīt: \`/institution set ${code} #kanāls @kontaktpersona …\`${secretaryOnly ? " (tikai sekretārs)" : ""}`,
  mapped: (code: string, name: string, channel: string, contacts: string) =>
    `*${code}* (${name}) piesaistīta Slack: kanāls ${channel}, kontaktpersonas: ${contacts}.`,
  mappedKeptContacts: (code: string, name: string, channel: string, contacts: string) =>
    contacts === ""
      ? `*${code}* (${name}) piesaistīta Slack: kanāls ${channel}. Kontaktpersonu joprojām nav – atgādinājumos neviens netiks pieminēts; norādiet tās: \`/institution set ${code} #kanāls @kontaktpersona\`.`
      : `*${code}* (${name}) piesaistīta Slack: kanāls ${channel}; kontaktpersonas nav mainītas: ${contacts}.`,
  mappedNoContacts: (code: string, name: string, channel: string) =>
    `*${code}* (${name}) piesaistīta Slack: kanāls ${channel}. Kontaktpersonas noņemtas – atgādinājumos neviens netiks pieminēts.`,
  contactsAndNone:
    "Norādiet vai nu kontaktpersonas (@…), vai `--no-contacts` (noņemt visas), ne abus.",
  away: (user: string, date: string, codes: string) =>
    `${user} prombūtnē līdz *${date}* ieskaitot. Atgādinājumos (${codes}) pa to laiku pieminēsim pārējās kontaktpersonas.`,
  /** Away, and no institution of theirs has another contact (`nobodyLeft` follows). */
  awayAlone: (user: string, date: string) => `${user} prombūtnē līdz *${date}* ieskaitot.`,
  back: (user: string, codes: string) =>
    `${user} atkal ir darbā: atgādinājumos (${codes}) viņu atkal pieminēsim.`,
  /** `codes`: the institutions left without a contact; each gets its own command to copy. */
  nobodyLeft: (codes: string[]) =>
    `⚠️ ${codes.join(", ")}: citu kontaktpersonu, kas nav prombūtnē, nav – līdz tam atgādinājumi nepieminēs nevienu. Pievienojiet aizvietotāju: ${standIn(codes, "#kanāls")}.`,
  notAContact: (user: string) =>
    `${user} nav nevienas institūcijas kontaktpersona, tāpēc prombūtni atzīmēt nav kam.`,
  notAContactHint:
    "Kontaktpersonas norāda ar `/institution set &lt;kods&gt; #kanāls @kontaktpersona`.",
  awayPast: (date: string) =>
    `Datums ${date} jau ir pagājis. Ja kontaktpersona ir atpakaļ, rakstiet \`/institution away @… off\`.`,
  added: (code: string, name: string) => `Pievienota institūcija *${code}* – ${name}.`,
  addedHint: (code: string) =>
    `Tagad piesaistiet to Slack: \`/institution set ${code} #kanāls @kontaktpersona\`.`,
  codeTaken: (wanted: string, code: string, name: string) =>
    `Kods „${wanted}” jau ir aizņemts: *${code}* – ${name}.`,
  codeTakenHint: (code: string) =>
    `Apskatīt: \`/institution ${code}\`; piesaistīt Slack: \`/institution set ${code} #kanāls @kontaktpersona\`.`,
  unknown: (query: string) => `Institūcijas „${query}” nav.`,
  known: (codes: string) =>
    `Institūcijas: ${codes}. Jaunu pievieno ar \`/institution add &lt;kods&gt; &lt;nosaukums&gt;\`.`,
  missingCode: (sub: string): string =>
    sub === "add"
      ? "Norādiet kodu un nosaukumu, piemēram, `/institution add GP Ģenerālprokuratūra`."
      : "Norādiet institūcijas kodu, piemēram, `/institution set IEM #kanāls @anna`.",
  /** No channel given; with `noContacts` the example keeps --no-contacts, after the channel. */
  missingChannel: (code: string, noContacts: boolean) =>
    `Norādiet kanālu: \`/institution set ${code} #kanāls ${noContacts ? "--no-contacts" : "@kontaktpersona"}\` – rakstot #, izvēlieties kanālu no Slack piedāvātā saraksta.`,
  channelNotLinked: (token: string) =>
    `„${token}” nav Slack kanāla saite. Rakstot #, izvēlieties kanālu no Slack piedāvātā saraksta – tad Slack nosūta arī tā ID.`,
  notAChannel: (token: string) => `„${token}” nav Slack kanāls.`,
  userNotLinked: (token: string) =>
    `„${token}” nav Slack lietotāja saite. Rakstot @, izvēlieties cilvēku no Slack piedāvātā saraksta – tad Slack nosūta arī lietotāja ID.`,
  notAUser: (token: string) =>
    `„${token}” nav Slack lietotājs. Kontaktpersonas norādiet ar @, piemēram, \`@anna @janis\`.`,
  tooManyContacts: (count: number, max: number) =>
    `${lvPlural(count, "Norādīta", "Norādītas")} ${count} ${lvPlural(count, "kontaktpersona", "kontaktpersonas")}; vienai institūcijai var būt ne vairāk kā ${max}.`,
  missingUser: "Norādiet kontaktpersonu, piemēram, `/institution away @janis 2027-01-15`.",
  missingDate:
    "Norādiet datumu, līdz kuram (ieskaitot) kontaktpersona ir prombūtnē, piemēram, `/institution away @janis 2027-01-15`, vai `off`, ja kontaktpersona jau ir atpakaļ.",
  ...dateInputText("lv"),
  badCode: (code: string) =>
    `„${code}” nevar būt institūcijas kods: izmantojiet 1–20 burtus vai ciparus bez atstarpēm, sākot ar burtu (piemēram, GP, TSAB), un ne komandas vārdu (set, away, add, help).`,
  missingName: (code: string) =>
    `Norādiet arī nosaukumu, piemēram, \`/institution add ${code} Tiesībsarga birojs\`.`,
  nameTooLong: (length: number, max: number) =>
    `Nosaukums ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  tooLong: (length: number, max: number) =>
    `Teksts ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  usageHint: "Palīdzība: `/institution help`",
  channelNotFound: (channel: string) =>
    `⚠️ Slack kanālu ${channel} lietotne neredz: tāda nav, vai tas ir privāts kanāls, kurā lietotne nav uzaicināta. Piesaiste ir saglabāta, bet atgādinājumus tur nosūtīt nevarēs, kamēr kanālā neuzaicināsiet lietotni (kanālā rakstiet \`/invite @Koordinators\`) vai nenorādīsiet citu kanālu.`,
  channelNotMember: (channel: string) =>
    `⚠️ Lietotne nav pievienota kanālam ${channel}. Piesaiste ir saglabāta; lai atgādinājumus varētu nosūtīt, kanālā rakstiet \`/invite @Koordinators\`.`,
  channelArchived: (channel: string) =>
    `⚠️ Kanāls ${channel} ir arhivēts: atgādinājumus tur nosūtīt nevarēs. Piesaiste ir saglabāta; norādiet citu kanālu.`,
  /** What Slack said about a contact just named (users.info); the mapping is saved anyway. */
  contactNotFound: (user: string) =>
    `⚠️ Slack nepazīst lietotāju ${user}: atgādinājumi viņu nesasniegs. Kontaktpersona ir saglabāta; ja ID ir kļūdains, norādiet pareizo.`,
  contactDeactivated: (user: string) =>
    `⚠️ Lietotāja ${user} Slack konts ir deaktivizēts: atgādinājumi viņu nesasniegs. Kontaktpersona ir saglabāta; norādiet citu.`,
  contactBot: (user: string) =>
    `⚠️ ${user} ir lietotnes (bota) konts, nevis cilvēks: atgādinājumos to pieminēt nav jēgas. Kontaktpersona ir saglabāta; norādiet cilvēku.`,
  contactsUnchecked:
    "Slack neatbildēja, tāpēc nevarēja pārbaudīt, vai kontaktpersonas ir Slack lietotāji; tās ir saglabātas.",
  channelUnchecked: (channel: string) =>
    `Slack neatbildēja, tāpēc nevarēja pārbaudīt, vai lietotne var rakstīt kanālā ${channel}; piesaiste ir saglabāta. Ja lietotne kanālā nav, uzaiciniet to: \`/invite @Koordinators\`.`,
  lastProblem: (when: string, reason: string) =>
    `⚠️ *Pēdējo atgādinājumu (${when}) nosūtīt neizdevās:* ${problemLv[reason] ?? `Slack atbildēja „${reason}”`}.`,
  problemAdvice: (code: string, reason: string) =>
    reason === "not_in_channel"
      ? "Uzaiciniet lietotni: kanālā rakstiet `/invite @Koordinators`."
      : reason === "channel_not_found"
        ? `Ja kanāls ir privāts, uzaiciniet tajā lietotni (\`/invite @Koordinators\`); ja kanāla vairs nav, norādiet citu: \`/institution set ${code} #kanāls @kontaktpersona\`.`
        : reason === "is_archived"
          ? `Atarhivējiet kanālu vai norādiet citu: \`/institution set ${code} #kanāls @kontaktpersona\`.`
          : `Norādiet kanālu: \`/institution set ${code} #kanāls @kontaktpersona\`.`,
  /**
   * `/institution <CODE>` for a channel Slack last said the app cannot post to (`channel_checks`,
   * written by `/institution set`, `/cutoff plan` and a failed reminder), `when` that check.
   */
  unreachableSince: (channel: string, why: UnreachableWhy, when: string) =>
    `⚠️ *Kanāls ${channel} nav sasniedzams* (${problemLv[ERROR_OF[why]]}) kopš ${when}: atgādinājumi tur neizdosies.`,
  /** The fix of a stored unreachable state, as for a reminder that failed so. */
  unreachableAdvice: (code: string, why: UnreachableWhy) => lv.problemAdvice(code, ERROR_OF[why]),
  problemNowOk: "Tagad lietotne kanālā rakstīt var: nākamie atgādinājumi tiks nosūtīti.",
  /**
   * `/institution set`: the last reminder (due `when`) failed for its channel (Slack's error
   * `reason`, or "no_mapping"), and the app can post in the channel set now, as the list says it.
   */
  failedBeforeSet: (when: string, reason: string) =>
    reason === "no_mapping"
      ? `Pēdējo atgādinājumu (${when}) nosūtīt neizdevās, jo toreiz nebija iestatīts kanāls; tagad tas ir iestatīts, un lietotne tajā rakstīt var: nākamie atgādinājumi tiks nosūtīti.`
      : `Pēdējo atgādinājumu (${when}) nosūtīt neizdevās (toreiz: ${problemLv[reason] ?? `Slack atbildēja „${reason}”`}); kopš tā kanāls ir salabots vai nomainīts, un lietotne tajā rakstīt var: nākamie atgādinājumi tiks nosūtīti.`,
  /** `/institution set` with a channel after people ("set TM @anna #kanāls"). */
  setChannelAfterPeople:
    "Kanāls jānorāda pirms kontaktpersonām: vispirms institūcijas kods, tad kanāls, tad kontaktpersonas.",
  /** `/institution set` with words before the channel that are no part of the code ("set TM anna #kanāls"). */
  setWordsBeforeChannel:
    "Pirms kanāla jānorāda tikai institūcijas kods; kontaktpersonas norāda pēc kanāla.",
  /** The CLI's `institution set` without a channel (it has no channel picker). */
  missingChannelCli: "Norādiet kanālu: tā ID (C…) uzreiz pēc institūcijas koda.",
  /** `/institution set` with the code after the channel ("set #kanāls TM"). */
  setCodeAfterChannel:
    "Institūcijas kods jānorāda pirms kanāla: vispirms kods, tad kanāls, tad kontaktpersonas.",
  /**
   * How a mistaken `/institution set` was read; every value already shown as typed (escaped),
   * `code` "" and `channel` null when there was none, `other` the words that are neither;
   * `cli`: the CLI's words (IDs). Singular or plural by how many items a list holds (one
   * word or several, "nav ne kanāli, ne kontaktpersonas"), not by the number's last digit:
   * a list of 21 words is still many, so not lvPlural.
   */
  setUnderstood: (
    code: string,
    channel: string | null,
    people: string[],
    other: string[],
    cli = false,
  ) =>
    `Sapratu: ${[
      code === "" ? "institūcijas koda nav" : `institūcija „${code}”`,
      channel === null ? "kanāla nav" : `kanāls ${channel}`,
      ...(people.length === 0
        ? []
        : [`${people.length === 1 ? "kontaktpersona" : "kontaktpersonas"} ${people.join(", ")}`]),
      ...(other.length === 0
        ? []
        : [
            `${other.map((o) => `„${o}”`).join(", ")} – ${other.length === 1 ? "nav ne kanāls, ne kontaktpersona" : "nav ne kanāli, ne kontaktpersonas"} (${cli ? "kanālu norāda ar ID C…, kontaktpersonu ar ID U…" : "kanālu norāda ar #, kontaktpersonu ar @"})`,
          ]),
    ].join("; ")}.`,
  /** The syntax of `set` with an example; `cli`: the CLI's form (IDs). */
  setSyntax: (cli: boolean): string =>
    cli
      ? "Jāraksta: `npm run cli -- institution set &lt;KODS&gt; &lt;kanāla ID&gt; [&lt;lietotāja ID&gt; …]`, piemēram, `npm run cli -- institution set TM C0123ABCD U0123ABCD`."
      : "Jāraksta: `/institution set &lt;KODS&gt; &lt;#kanāls&gt; [&lt;@kontaktpersona&gt; …]`, piemēram, `/institution set TM #tm-darba-grupa @anna`.",
};

const en: typeof lv = {
  title: "Institutions: /institution",
  usage: [
    "*How to use*",
    "• `/institution IEM` – the institution's channel and contact people (anyone may look)",
    "• `/institution list` – only every institution and its channel, without this help",
    "• `/institution set IEM #channel @anna @janis` – map a channel and contact people (replaces the previous contacts)",
    "• `/institution set IEM #channel` – change the channel only (the contact people stay)",
    "• `/institution set IEM #channel --no-contacts` – remove every contact person (reminders will mention nobody)",
    "• `/institution away @janis 2027-01-15` – a contact is away until that day, inclusive; reminders mention the others",
    "• `/institution away @janis off` – the contact is back",
    "• `/institution add GP Ģenerālprokuratūra` – add an institution that is not on the report's list",
    "Pick channels and people from Slack's list (type # and @). Only the secretary makes changes.",
  ].join("\n"),
  listHeading: (mapped, all) => `*Institutions* – mapped to Slack: ${mapped} of ${all}`,
  unmappedMark: "not mapped",
  listProblemMark: (reason) =>
    `the last reminder could not be sent: ${problemEn[reason] ?? `Slack answered “${reason}”`}`,
  listFixedMark: (reason) =>
    reason === "no_mapping"
      ? "the last reminder could not be sent because no channel was set then; one is set now"
      : `the last reminder could not be sent (then: ${problemEn[reason] ?? `Slack answered “${reason}”`}); the channel has been fixed or changed since`,
  listUnreachableMark: (why) => `the channel cannot be reached: ${problemEn[ERROR_OF[why]]}`,
  more: (left) => `… and ${left} more.`,
  channel: "Channel",
  contacts: "Contact people",
  aliases: "Other spellings",
  noChannel: "⚠️ not mapped – reminders have nowhere to go",
  noContacts: "none – reminders will mention nobody",
  awayUntil: (date) => `away until ${date}, inclusive`,
  changeHint: (code, secretaryOnly = true) =>
    `Change: \`/institution set ${code} #channel @contact …\`${secretaryOnly ? " (secretary only)" : ""}`,
  mapped: (code, name, channel, contacts) =>
    `*${code}* (${name}) is mapped to Slack: channel ${channel}, contact people: ${contacts}.`,
  mappedKeptContacts: (code, name, channel, contacts) =>
    contacts === ""
      ? `*${code}* (${name}) is mapped to Slack: channel ${channel}. There are still no contact people – reminders will mention nobody; name them: \`/institution set ${code} #channel @contact\`.`
      : `*${code}* (${name}) is mapped to Slack: channel ${channel}; the contact people are unchanged: ${contacts}.`,
  mappedNoContacts: (code, name, channel) =>
    `*${code}* (${name}) is mapped to Slack: channel ${channel}. The contact people are removed – reminders will mention nobody.`,
  contactsAndNone:
    "Give either contact people (@…) or `--no-contacts` (remove them all), not both.",
  away: (user, date, codes) =>
    `${user} is away until *${date}*, inclusive. Until then reminders (${codes}) mention the other contacts.`,
  awayAlone: (user, date) => `${user} is away until *${date}* inclusive.`,
  back: (user, codes) => `${user} is back: reminders (${codes}) mention them again.`,
  nobodyLeft: (codes) =>
    `⚠️ ${codes.join(", ")}: no other contact who is not away – until then reminders mention nobody. Add a stand-in: ${standIn(codes, "#channel")}.`,
  notAContact: (user) =>
    `${user} is not a contact of any institution, so there is no one to mark away.`,
  notAContactHint: "Contacts are set with `/institution set &lt;code&gt; #channel @contact`.",
  awayPast: (date) =>
    `${date} has already passed. If the contact is back, write \`/institution away @… off\`.`,
  added: (code, name) => `Added the institution *${code}* – ${name}.`,
  addedHint: (code) => `Now map it to Slack: \`/institution set ${code} #channel @contact\`.`,
  codeTaken: (wanted, code, name) => `The code “${wanted}” is taken: *${code}* – ${name}.`,
  codeTakenHint: (code) =>
    `See it: \`/institution ${code}\`; map it: \`/institution set ${code} #channel @contact\`.`,
  unknown: (query) => `There is no institution “${query}”.`,
  known: (codes) =>
    `Institutions: ${codes}. Add a new one with \`/institution add &lt;code&gt; &lt;name&gt;\`.`,
  missingCode: (sub) =>
    sub === "add"
      ? "Give a code and a name, e.g. `/institution add GP Ģenerālprokuratūra`."
      : "Give the institution's code, e.g. `/institution set IEM #channel @anna`.",
  missingChannel: (code, noContacts) =>
    `Give a channel: \`/institution set ${code} #channel ${noContacts ? "--no-contacts" : "@contact"}\` – type # and pick the channel from Slack's list.`,
  channelNotLinked: (token) =>
    `“${token}” is not a link to a Slack channel. Type # and pick the channel from Slack's list, so that Slack sends its ID too.`,
  notAChannel: (token) => `“${token}” is not a Slack channel.`,
  userNotLinked: (token) =>
    `“${token}” is not a link to a Slack user. Type @ and pick the person from Slack's list, so that Slack sends their ID too.`,
  notAUser: (token) =>
    `“${token}” is not a Slack user. Name contact people with @, e.g. \`@anna @janis\`.`,
  tooManyContacts: (count, max) =>
    `${count} contact people given; an institution may have at most ${max}.`,
  missingUser: "Name the contact, e.g. `/institution away @janis 2027-01-15`.",
  missingDate:
    "Give the last day (inclusive) the contact is away, e.g. `/institution away @janis 2027-01-15`, or `off` when they are back.",
  ...dateInputText("en"),
  badCode: (code) =>
    `“${code}” cannot be an institution code: use 1–20 letters or digits without spaces, starting with a letter (e.g. GP, TSAB), and not a command word (set, away, add, help).`,
  missingName: (code) => `Give a name too, e.g. \`/institution add ${code} Tiesībsarga birojs\`.`,
  nameTooLong: (length, max) => `The name is too long (${length} characters; at most ${max}).`,
  tooLong: (length, max) => `The text is too long (${length} characters; at most ${max}).`,
  usageHint: "Help: `/institution help`",
  channelNotFound: (channel) =>
    `⚠️ The app cannot see the Slack channel ${channel}: there is none, or it is a private channel the app was not invited to. The mapping is saved, but reminders cannot be sent there until you invite the app in the channel (write \`/invite @Koordinators\` there) or give another channel.`,
  channelNotMember: (channel) =>
    `⚠️ The app is not in the channel ${channel}. The mapping is saved; for reminders to be sent, write \`/invite @Koordinators\` in the channel.`,
  channelArchived: (channel) =>
    `⚠️ The channel ${channel} is archived: reminders cannot be sent there. The mapping is saved; give another channel.`,
  contactNotFound: (user) =>
    `⚠️ Slack knows no user ${user}: reminders will not reach them. The contact is saved; if the ID is wrong, give the right one.`,
  contactDeactivated: (user) =>
    `⚠️ ${user}'s Slack account is deactivated: reminders will not reach them. The contact is saved; name someone else.`,
  contactBot: (user) =>
    `⚠️ ${user} is an app's (bot) account, not a person: mentioning it in reminders reaches nobody. The contact is saved; name a person.`,
  contactsUnchecked:
    "Slack did not answer, so the contact people could not be checked; they are saved.",
  channelUnchecked: (channel) =>
    `Slack did not answer, so whether the app can post in ${channel} could not be checked; the mapping is saved. If the app is not in the channel, invite it: \`/invite @Koordinators\`.`,
  lastProblem: (when, reason) =>
    `⚠️ *The last reminder (${when}) could not be sent:* ${problemEn[reason] ?? `Slack answered “${reason}”`}.`,
  problemAdvice: (code, reason) =>
    reason === "not_in_channel"
      ? "Invite the app: write `/invite @Koordinators` in the channel."
      : reason === "channel_not_found"
        ? `If the channel is private, invite the app there (\`/invite @Koordinators\`); if it is gone, give another: \`/institution set ${code} #channel @contact\`.`
        : reason === "is_archived"
          ? `Unarchive the channel or give another: \`/institution set ${code} #channel @contact\`.`
          : `Give a channel: \`/institution set ${code} #channel @contact\`.`,
  unreachableSince: (channel, why, when) =>
    `⚠️ *The channel ${channel} cannot be reached* (${problemEn[ERROR_OF[why]]}) since ${when}: reminders there will fail.`,
  unreachableAdvice: (code, why) => en.problemAdvice(code, ERROR_OF[why]),
  problemNowOk: "The app can post in the channel now: the next reminders will be sent.",
  failedBeforeSet: (when, reason) =>
    reason === "no_mapping"
      ? `The last reminder (${when}) could not be sent because no channel was set then; one is set now and the app can post there: the next reminders will be sent.`
      : `The last reminder (${when}) could not be sent (then: ${problemEn[reason] ?? `Slack answered “${reason}”`}); the channel has been fixed or changed since and the app can post there: the next reminders will be sent.`,
  setChannelAfterPeople:
    "The channel comes first, before the contact people: the institution's code, then the channel, then the contacts.",
  setWordsBeforeChannel:
    "Only the institution's code comes before the channel; contact people come after it.",
  missingChannelCli: "Give a channel: its ID (C…) right after the institution's code.",
  setCodeAfterChannel:
    "The institution's code comes first, before the channel: the code, then the channel, then the contacts.",
  setUnderstood: (code, channel, people, other, cli = false) =>
    `Understood: ${[
      code === "" ? "no institution code" : `institution “${code}”`,
      channel === null ? "no channel" : `channel ${channel}`,
      ...(people.length === 0
        ? []
        : [`${people.length === 1 ? "contact" : "contacts"} ${people.join(", ")}`]),
      ...(other.length === 0
        ? []
        : [
            `${other.map((o) => `“${o}”`).join(", ")} ${other.length === 1 ? "is neither a channel nor a contact" : "are neither channels nor contacts"} (${cli ? "a channel is given by its ID C…, a contact by the ID U…" : "a channel is given with #, a contact with @"})`,
          ]),
    ].join("; ")}.`,
  setSyntax: (cli) =>
    cli
      ? "Expected: `npm run cli -- institution set &lt;CODE&gt; &lt;channelId&gt; [&lt;userId&gt; …]`, e.g. `npm run cli -- institution set TM C0123ABCD U0123ABCD`."
      : "Expected: `/institution set &lt;CODE&gt; &lt;#channel&gt; [&lt;@contact&gt; …]`, e.g. `/institution set TM #tm-working-group @anna`.",
};

/** Texts of `/institution`: mappings, contacts away, new institutions. */
export const institutionText = defineCatalog<typeof lv>({ lv, en });
