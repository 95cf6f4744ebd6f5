import { defineCatalog } from "./define.ts";

/**
 * What `npm run slack` itself prints (not the app's answers, which come in the language the app
 * speaks to the user): usage, refusals, what it posted, the marks around the app's messages.
 * The README gives the tool to everyone trying the app locally, so it speaks as the CLI does:
 * Latvian by default (DEFAULT_LOCALE), English with `--lang en` (which also chooses English on
 * the app's Home). Its `--help` is English, as the CLI's is. IDs, ts values and commands are
 * passed in as they are.
 */
const lv = {
  usage: [
    'Lietošana: npm run slack -- "/task 14" [--user U…] [--channel C…] [--lang en|lv|slack] [--json]',
    "           npm run slack -- --history [--channel C…] [--json]",
    '           npm run slack -- --reply <thread_ts> "14: izpildīts" [--user U…] [--channel C…]',
    '           npm run slack -- --edit <ts> "14: labots teksts" | --delete <ts> [--user U…] [--channel C…]',
    "           npm run slack -- --add-channel lm-darba-grupa | --add-user anna",
    "           npm run slack -- --home [--user U…] [--lang en|lv|slack] [--json]",
  ].join("\n"),
  /** The first word was a command without its slash ("task 14"). */
  slashHint: (line: string) => `Vai domājāt \`npm run slack -- "${line}"\`? Komanda sākas ar /.`,
  /** `--history --channel D…` before the app has written there. */
  noDirectMessagesYet: (channel: string) =>
    `(ziņu vēl nav: lietotne kanālā ${channel} vēl nav rakstījusi – tiešo ziņu kanāls rodas ar tās pirmo ziņu)`,
  editUsage: 'Lietošana: npm run slack -- --edit <ts> "jaunais teksts" [--channel C…]',
  workspaceUsage:
    "Lietošana: npm run slack -- --add-channel <nosaukums> vai npm run slack -- --add-user <vārds>",
  workspaceFull: "Lokālajā Slack vairs nav brīvu ID (C0LOCAL02–C0LOCAL99 / U0LOCAL02–U0LOCAL99).",
  channelAdded: (id: string, name: string) =>
    `Izveidots kanāls #${name} (${id}); lietotne tajā ir. Komandās: <#${id}>, piemēram, npm run slack -- "/institution set IEM <#${id}>"; ziņas: npm run slack -- --history --channel ${id}.`,
  userAdded: (id: string, name: string) =>
    `Izveidots lietotājs @${name} (${id}). Komandās: <@${id}>; rīkoties šīs personas vārdā: --user ${id}.`,
  notAPersonsMessage: (ts: string) =>
    `Ziņa ${ts} ir lietotnes ziņa: labot vai dzēst var tikai cilvēka ziņu (kā Slack – tikai tās autors).`,
  /**
   * `--user` is not the message's author: Slack refused the edit (cant_update_message) or the
   * deletion (cant_delete_message, which a workspace admin may still do); `author` as `@name`.
   */
  notAuthor: (action: "edit" | "delete", ts: string, author: string) =>
    action === "edit"
      ? `Ziņu ${ts} labot var tikai tās autors ${author} (Slack atteica: cant_update_message). Nekas nav mainīts.`
      : `Ziņu ${ts} dzēst var tikai tās autors ${author} vai darbvietas administrators (Slack atteica: cant_delete_message). Nekas nav dzēsts.`,
  edited: (ts: string, channel: string, status: number) =>
    `Labota ziņa ${ts} kanālā ${channel} (message_changed); lietotne atbildēja ar HTTP ${status}.`,
  deleted: (ts: string, channel: string, status: number) =>
    `Dzēsta ziņa ${ts} kanālā ${channel} (message_deleted); lietotne atbildēja ar HTTP ${status}.`,
  replyUsage: 'Lietošana: npm run slack -- --reply <thread_ts> "14: izpildīts"',
  /** `--reply` with no text (or only spaces): Slack's client sends no empty message either. */
  emptyReply: "Ziņas teksts ir tukšs, tāpēc nekas nav nosūtīts (Slack tukšu ziņu nesūta).",
  /** `--user` names nobody of the local Slack; `people` lists who is ("@anna (U0LOCAL02), …"). */
  unknownUser: (id: string, people: string) =>
    `Lokālajā Slack lietotāja ${id} nav${people ? `; tajā ir: ${people}` : ""}. Jaunu pievieno ar \`npm run slack -- --add-user <vārds>\` (tas izdrukā ID).`,
  /**
   * `--channel` with a slash command names no conversation the local Slack has; `channels`
   * "#name (C…)", `dm` the acting person's direct messages with the app ("D0LOCAL01").
   */
  unknownChannel: (channel: string, channels: string, dm: string) =>
    `Lokālajā Slack nav kanāla ${channel}${channels ? `; tajā ir: ${channels}` : ""}. Jaunu pievieno ar \`npm run slack -- --add-channel <nosaukums>\` (tas izdrukā ID); lietotnes tiešās ziņas jums ir kanālā ${dm}.`,
  /**
   * `--channel D…` is another person's direct messages with the app (`owner`, "@sekretars"):
   * only they can type there, so `who` ("@anna") cannot send from it; `dm` is `who`'s own.
   */
  notYourDm: (channel: string, owner: string, who: string, dm: string) =>
    `${channel} ir lietotnes tiešās ziņas ar ${owner}; ${who} tur rakstīt nevar (Slack to neļauj). ${who} tiešās ziņas ar lietotni ir kanālā ${dm}.`,
  /** `--home` with `--channel`: the Home tab belongs to no channel, so nothing is sent. */
  homeNoChannel: (channel: string) =>
    `--home atver lietotnes sākumlapu (Home), kas nav neviena kanāla daļa, tāpēc --channel ${channel} ar to neder. Nekas nav nosūtīts: izlaidiet --channel.`,
  /** A person's message past Slack's limit: Slack refuses it (msg_too_long), and so does this tool. */
  messageTooLong: (length: number, max: number) =>
    `Ziņa ir par garu: ${length} rakstzīmes (Slack pieņem ne vairāk kā ${max}; kļūda msg_too_long). Nekas nav nosūtīts – saīsiniet to vai sadaliet vairākās ziņās.`,
  notRunning:
    "Lokālā lietotne nedarbojas: palaidiet to ar `npm start` (Slack piekļuves dati nav vajadzīgi)",
  nothingAnswers: "(tās adresē nekas neatbild)",
  httpStatus: (status: number, body: string) => `Lietotne atbildēja ar HTTP ${status}: ${body}`,
  noSuchCommand: (command: string, known: string) =>
    `Lietotnei nav komandas ${command}; tai ir ${known}`,
  badLang: (lang: string) =>
    `Nezināms --lang ${lang}: lietojiet en, lv vai slack (kā piedāvā lietotnes sākumlapa)`,
  badSlackLocale: (locale: string) =>
    `Nezināms --slack-locale ${locale}: lietojiet en, lv vai lokalizāciju, piemēram, lv-LV`,
  /** `--lang en|lv` alone; `user` as the local Slack names the person (`@sekretars`). */
  languageSet: (user: string, language: string) => `${user}: valoda iestatīta (${language}).`,
  /** `--lang slack` alone: the Home's "Default (no choice)". */
  languageCleared: (user: string) =>
    `${user}: valodas izvēle atsaukta (slack) – kā sākumlapā „Noklusējums (bez izvēles)”.`,
  /** `--slack-locale xx-YY`: the person's Slack locale in the local Slack. */
  slackLocaleSet: (user: string, locale: string) =>
    `${user}: Slack lokalizācija iestatīta (${locale}).`,
  /** `--channel` names no conversation the local Slack has; `dm` the person's DM with the app ("D0LOCAL01"). */
  noChannel: (channel: string, local: string, dm: string) =>
    `Lokālajā Slack nav kanāla ${channel}. Norādiet kanāla ID, piemēram, ${local}; lietotnes tiešās ziņas jums ir kanālā ${dm}, kad lietotne tajā ko uzrakstījusi.`,
  noThread: (ts: string, channel: string) =>
    `Kanālā ${channel} nav ziņas ${ts}: pavedienu ts vērtības redz ar \`npm run slack -- --history\` (citam kanālam pievienojiet --channel <id>).`,
  /** `--reply` named a reply, not a thread: as in Slack, the message joined its parent's thread. */
  replyToReply: (reply: string, root: string) =>
    `Ziņa ${reply} pati ir atbilde pavedienā ${root}; kā Slack, jūsu atbilde ievietota šajā pavedienā.`,
  posted: (ts: string, channel: string, thread: string | undefined, status: number) =>
    `Publicēts ${ts} kanālā ${channel}${thread ? ` (pavedienā ${thread})` : ""}; lietotne atbildēja ar HTTP ${status}.`,
  /** Marks before the app's messages. */
  onlyVisibleTo: (user: string) => `[lietotne, redzams tikai ${user}]`,
  directTo: (user: string) => `[lietotne, tiešā ziņa lietotājam ${user}]`,
  app: "[lietotne]",
  noMessages: "(ziņu nav)",
  file: "(fails)",
  /** `--home`: the mark before the Home's text; `user` as `@name`. */
  homeOf: (user: string) => `[lietotnes sākumlapa (Home), kā to redz ${user}]`,
  /** `--home`: the app published no Home within `seconds` after Slack's app_home_opened. */
  noHome: (user: string, seconds: number) =>
    `Lietotne ${seconds} sekundēs nepublicēja sākumlapu lietotājam ${user} (Slack nosūtīja app_home_opened, views.publish nesekoja). Iespējams, lietotne nedarbojas: palaidiet to ar \`npm start\` un mēģiniet vēlreiz.`,
};

const en: typeof lv = {
  usage: [
    'Usage: npm run slack -- "/task 14" [--user U…] [--channel C…] [--lang en|lv|slack] [--json]',
    "       npm run slack -- --history [--channel C…] [--json]",
    '       npm run slack -- --reply <thread_ts> "14: izpildīts" [--user U…] [--channel C…]',
    '       npm run slack -- --edit <ts> "14: edited text" | --delete <ts> [--user U…] [--channel C…]',
    "       npm run slack -- --add-channel lm-working-group | --add-user anna",
    "       npm run slack -- --home [--user U…] [--lang en|lv|slack] [--json]",
  ].join("\n"),
  slashHint: (line) => `Did you mean \`npm run slack -- "${line}"\`? A command starts with /.`,
  noDirectMessagesYet: (channel) =>
    `(no messages yet: the app has not written in ${channel} – the direct-message channel appears with its first message)`,
  editUsage: 'Usage: npm run slack -- --edit <ts> "the new text" [--channel C…]',
  workspaceUsage:
    "Usage: npm run slack -- --add-channel <name> or npm run slack -- --add-user <name>",
  workspaceFull:
    "The local Slack has no free IDs left (C0LOCAL02–C0LOCAL99 / U0LOCAL02–U0LOCAL99).",
  channelAdded: (id, name) =>
    `Created the channel #${name} (${id}); the app is in it. In commands: <#${id}>, e.g. npm run slack -- "/institution set IEM <#${id}>"; its messages: npm run slack -- --history --channel ${id}.`,
  userAdded: (id, name) =>
    `Created the user @${name} (${id}). In commands: <@${id}>; act as them: --user ${id}.`,
  notAPersonsMessage: (ts) =>
    `${ts} is the app's message: only a person's message can be edited or deleted (in Slack, by its author only).`,
  notAuthor: (action, ts, author) =>
    action === "edit"
      ? `Only its author, ${author}, can edit ${ts} (Slack refused: cant_update_message). Nothing was changed.`
      : `Only its author, ${author}, or a workspace admin can delete ${ts} (Slack refused: cant_delete_message). Nothing was deleted.`,
  edited: (ts, channel, status) =>
    `Edited ${ts} in ${channel} (message_changed); the app answered HTTP ${status}.`,
  deleted: (ts, channel, status) =>
    `Deleted ${ts} in ${channel} (message_deleted); the app answered HTTP ${status}.`,
  replyUsage: 'Usage: npm run slack -- --reply <thread_ts> "14: izpildīts"',
  emptyReply: "The message text is empty, so nothing was sent (Slack sends no empty message).",
  unknownUser: (id, people) =>
    `The local Slack has no user ${id}${people ? `; it has: ${people}` : ""}. Add one with \`npm run slack -- --add-user <name>\` (it prints the ID).`,
  unknownChannel: (channel, channels, dm) =>
    `The local Slack has no channel ${channel}${channels ? `; it has: ${channels}` : ""}. Add one with \`npm run slack -- --add-channel <name>\` (it prints the ID); the app's direct messages to you are in ${dm}.`,
  notYourDm: (channel, owner, who, dm) =>
    `${channel} is the app's direct messages with ${owner}; ${who} cannot write there (Slack does not allow it). ${who}'s direct messages with the app are in ${dm}.`,
  homeNoChannel: (channel) =>
    `--home opens the app's Home tab, which is part of no channel, so --channel ${channel} does not apply to it. Nothing was sent: leave out --channel.`,
  messageTooLong: (length, max) =>
    `The message is too long: ${length} characters (Slack takes at most ${max}; error msg_too_long). Nothing was sent: shorten it or split it into several messages.`,
  notRunning:
    "The local app is not running: start it with `npm start` (no Slack credentials needed)",
  nothingAnswers: "(nothing answers at its address)",
  httpStatus: (status, body) => `The app answered HTTP ${status}: ${body}`,
  noSuchCommand: (command, known) => `The app has no ${command} command; it has ${known}`,
  badLang: (lang) => `Unknown --lang ${lang}: use en, lv or slack (as the app's Home offers)`,
  badSlackLocale: (locale) => `Unknown --slack-locale ${locale}: use en, lv or a locale like lv-LV`,
  languageSet: (user, language) => `${user}: language set (${language}).`,
  languageCleared: (user) =>
    `${user}: language choice withdrawn (slack) – as the Home's “Default (no choice)”.`,
  slackLocaleSet: (user, locale) => `${user}: Slack locale set (${locale}).`,
  noChannel: (channel, local, dm) =>
    `The local Slack has no channel ${channel}. Give a channel ID such as ${local}; the app's direct messages to you are in ${dm} once it has written there.`,
  noThread: (ts, channel) =>
    `No message ${ts} in ${channel}: see the thread ts values with \`npm run slack -- --history\` (add --channel <id> for another channel).`,
  replyToReply: (reply, root) =>
    `${reply} is itself a reply in the thread ${root}; as in Slack, your reply went into that thread.`,
  posted: (ts, channel, thread, status) =>
    `Posted ${ts} in ${channel}${thread ? ` (thread ${thread})` : ""}; the app answered HTTP ${status}.`,
  onlyVisibleTo: (user) => `[app, only visible to ${user}]`,
  directTo: (user) => `[app, direct message to ${user}]`,
  app: "[app]",
  noMessages: "(no messages)",
  file: "(file)",
  homeOf: (user) => `[the app's Home, as ${user} sees it]`,
  noHome: (user, seconds) =>
    `The app published no Home for ${user} within ${seconds} seconds (Slack sent app_home_opened, no views.publish followed). The app may not be running: start it with \`npm start\` and try again.`,
};

/** The catalogue's shape. */
export type SlackToolText = typeof lv;

/** `npm run slack`'s own lines in `locale`. */
export const slackToolText = defineCatalog<typeof lv>({ lv, en });
