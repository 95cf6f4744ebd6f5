import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  title: "Lomas: /role",
  usage: [
    "*Kā lietot*",
    "• `/role list` – kas ir sekretāri",
    "• `/role add @lietotājs secretary` – piešķirt sekretāra lomu",
    "• `/role remove @lietotājs secretary` – noņemt sekretāra lomu",
    "Sekretārs piesaista institūcijas Slack, nosaka ziņošanas termiņus un piešķir lomas. Lomas maina tikai sekretārs.",
  ].join("\n"),
  listHeading: "Sekretāri",
  fromConfig: "servera iestatījums (SECRETARY_USER_IDS)",
  /** Local mode without SECRETARY_USER_IDS: the local user is the secretary by default. */
  fromLocalDefault:
    "lokālā režīma noklusējuma sekretārs (SECRETARY_USER_IDS nav iestatīts; lokāli sekretārs esat jūs)",
  grantedBy: (by: string, date: string) => `piešķīra ${by} ${date}`,
  cliActor: "servera CLI",
  none: "Sekretāru vēl nav.",
  granted: (user: string) => `${user} tagad ir sekretārs.`,
  alreadyStored: (user: string) => `${user} jau ir sekretārs.`,
  /** What Slack said about the person just made a secretary (users.info); the role is saved anyway. */
  userNotFound: (user: string, id: string) =>
    `⚠️ Slack nepazīst lietotāju ${user}. Loma ir saglabāta; ja ID ir kļūdains, noņemiet to: \`/role remove ${id} secretary\`.`,
  userDeactivated: (user: string, id: string) =>
    `⚠️ Lietotāja ${user} Slack konts ir deaktivizēts. Loma ir saglabāta; ja tā nav vajadzīga, noņemiet to: \`/role remove ${id} secretary\`.`,
  userBot: (user: string, id: string) =>
    `⚠️ ${user} ir lietotnes (bota) konts, nevis cilvēks. Loma ir saglabāta; ja tā nav vajadzīga, noņemiet to: \`/role remove ${id} secretary\`.`,
  userUnchecked: "Slack neatbildēja, tāpēc nevarēja pārbaudīt, vai šis ir Slack lietotājs.",
  alreadyConfigured: (user: string) =>
    `${user} jau ir sekretārs (servera iestatījums SECRETARY_USER_IDS).`,
  alreadyLocalDefault: (user: string) =>
    `${user} jau ir sekretārs (lokālā režīma noklusējuma sekretārs).`,
  revoked: (user: string) => `${user} vairs nav sekretārs.`,
  notHolder: (user: string) => `${user} nav sekretārs, tāpēc nav ko noņemt.`,
  configured: (user: string) =>
    `${user} ir sekretārs pēc servera iestatījuma SECRETARY_USER_IDS, tāpēc ar komandu šo lomu noņemt nevar. To maina servera konfigurācijā.`,
  configuredLocalDefault: (user: string) =>
    `${user} ir lokālā režīma noklusējuma sekretārs (SECRETARY_USER_IDS nav iestatīts), tāpēc ar komandu šo lomu noņemt nevar. Citu sekretāru nosaka, iestatot SECRETARY_USER_IDS failā .env.`,
  lastSecretary: (user: string) =>
    `${user} ir vienīgā persona ar sekretāra lomu. Vispirms piešķiriet šo lomu vēl kādai personai, lai vienmēr būtu kāds, kas var mainīt iestatījumus.`,
  unknownRole: (role: string) =>
    `Lomu „${role}” nepazīstu. Pagaidām ir viena loma: \`secretary\` (sekretārs).`,
  missingUser:
    "Norādiet lietotāju: rakstot @, izvēlieties viņu no Slack piedāvātā saraksta, piemēram, `/role add @anna secretary`.",
  notLinked: (token: string) =>
    `„${token}” nav Slack lietotāja saite. Rakstot @, izvēlieties cilvēku no Slack piedāvātā saraksta – tad Slack nosūta arī lietotāja ID.`,
  notAUser: (token: string) => `„${token}” nav Slack lietotājs.`,
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  tooLong: (length: number, max: number) =>
    `Teksts ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  usageHint: "Palīdzība: `/role help`",
  // Shared by the admin commands: authorisation and the re-plan note.
  actions: {
    mapping: "mainīt institūciju piesaisti Slack",
    role: "piešķirt un noņemt lomas",
    cutoff: "mainīt ziņošanas termiņus",
    plan: "skatīt atgādinājumu plānu",
  },
  refusal: (action: string, who: string) =>
    `Atvainojiet, ${action} var tikai sekretārs${who ? ` (${who})` : ""}.`,
  /**
   * To a Slack user, under a {@link refusal} that names the secretaries (so no pointer to
   * `/role list`; {@link noSecretary} keeps one when none is named).
   */
  refusalHint:
    "Ja jums tas ir vajadzīgs, lūdziet sekretariātu to izdarīt jūsu vietā vai piešķirt sekretāra lomu jums.",
  /** To a Slack user when no one is a secretary; the operator's ways are in the README. */
  noSecretary:
    "Sekretāra loma vēl nav piešķirta (`/role list`). Palūdziet lietotnes administratoru (to, kas Koordinatoru uzstādīja jūsu Slack) piešķirt sekretāra lomu.",
  replanLater:
    "Atgādinājumu rinda (Redis) šobrīd nav pieejama: izmaiņa ir saglabāta, un atgādinājumi tiks ieplānoti, tiklīdz rinda atkal darbosies (lietotnes nākamajā startā).",
};

const en: typeof lv = {
  title: "Roles: /role",
  usage: [
    "*How to use*",
    "• `/role list` – who the secretaries are",
    "• `/role add @user secretary` – make someone a secretary",
    "• `/role remove @user secretary` – take the secretary role away",
    "The secretary maps institutions to Slack, sets reporting cut-offs and grants roles. Only the secretary changes roles.",
  ].join("\n"),
  listHeading: "Secretaries",
  fromConfig: "server setting (SECRETARY_USER_IDS)",
  fromLocalDefault:
    "local mode's default secretary (SECRETARY_USER_IDS is not set; locally, you are the secretary)",
  grantedBy: (by, date) => `granted by ${by} on ${date}`,
  cliActor: "the server CLI",
  none: "There are no secretaries yet.",
  granted: (user) => `${user} is now a secretary.`,
  alreadyStored: (user) => `${user} is already a secretary.`,
  userNotFound: (user, id) =>
    `⚠️ Slack knows no user ${user}. The role is saved; if the ID is wrong, remove it: \`/role remove ${id} secretary\`.`,
  userDeactivated: (user, id) =>
    `⚠️ ${user}'s Slack account is deactivated. The role is saved; if it is not needed, remove it: \`/role remove ${id} secretary\`.`,
  userBot: (user, id) =>
    `⚠️ ${user} is an app's (bot) account, not a person. The role is saved; if it is not needed, remove it: \`/role remove ${id} secretary\`.`,
  userUnchecked: "Slack did not answer, so it could not be checked that this is a Slack user.",
  alreadyConfigured: (user) =>
    `${user} is already a secretary (server setting SECRETARY_USER_IDS).`,
  alreadyLocalDefault: (user) => `${user} is already a secretary (local mode's default secretary).`,
  revoked: (user) => `${user} is no longer a secretary.`,
  notHolder: (user) => `${user} is not a secretary, so there is nothing to remove.`,
  configured: (user) =>
    `${user} is a secretary through the server setting SECRETARY_USER_IDS, so a command cannot remove the role. Change it in the server's configuration.`,
  configuredLocalDefault: (user) =>
    `${user} is local mode's default secretary (SECRETARY_USER_IDS is not set), so a command cannot remove the role. Set SECRETARY_USER_IDS in .env for another secretary.`,
  lastSecretary: (user) =>
    `${user} is the only secretary. Make someone else a secretary first, so that someone can always change the settings.`,
  unknownRole: (role) =>
    `I don't know the role “${role}”. There is one role so far: \`secretary\`.`,
  missingUser:
    "Name the user: type @ and pick them from Slack's list, e.g. `/role add @anna secretary`.",
  notLinked: (token) =>
    `“${token}” is not a link to a Slack user. Type @ and pick the person from Slack's list, so that Slack sends their ID too.`,
  notAUser: (token) => `“${token}” is not a Slack user.`,
  notUnderstood: (text) => `I did not understand “${text}”.`,
  tooLong: (length, max) => `The text is too long (${length} characters; at most ${max}).`,
  usageHint: "Help: `/role help`",
  actions: {
    mapping: "change how institutions are mapped to Slack",
    role: "grant and remove roles",
    cutoff: "change reporting cut-offs",
    plan: "see the reminder plan",
  },
  refusal: (action, who) => `Sorry, only the secretary can ${action}${who ? ` (${who})` : ""}.`,
  refusalHint:
    "If you need this, write to the secretary: they can do it for you or make you a secretary.",
  noSecretary:
    "No secretary has been named yet (`/role list`). Ask whoever runs Koordinators in Slack for your working group (the app's administrator) to name one.",
  replanLater:
    "The reminder queue (Redis) is not reachable right now: the change is saved, and the reminders will be scheduled as soon as the queue is back (at the app's next start).",
};

/** Texts of `/role`, and those the admin commands share: refusals and the re-plan note. */
export const roleText = defineCatalog<typeof lv>({ lv, en });
