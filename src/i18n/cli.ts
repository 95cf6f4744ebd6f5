import { DATE_FORMATS_HELP } from "../domain/dates.ts";
import type { ReportProblem } from "../import/errors.ts";
import { dateInputText } from "./date-input.ts";
import { defineCatalog, lvPlural } from "./define.ts";

/** "1 task", "2 tasks". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a file could not be read: Node's error code, else `other`. */
export type FileProblem = "ENOENT" | "EACCES" | "EISDIR" | "other";

/**
 * Why an output file could not be written: Node's error code, `notWritable` for a folder that
 * exists but takes no new files (read-only, /proc), else `other`.
 */
export type WriteProblem = "ENOENT" | "ENOTDIR" | "EACCES" | "EISDIR" | "notWritable" | "other";

/**
 * What the CLI prints to operators (`replies`, `export`, `import`, `remind`, `migrate`, the re-plan notes):
 * Latvian by default (DEFAULT_LOCALE), English with `--lang en`. Dates and ids are passed in
 * already formatted.
 */
const lv = {
  /** No cut-off has number `id`; ends with {@link allCutoffs}, as a removed one's answer does. */
  noCutoff: (id: number) =>
    `Ziņošanas termiņa #${id} nav. Visi termiņi: \`npm run cli -- cutoff list\`.`,
  /** The hint after a cut-off not found or removed (`cutoff plan N --json` and alike). */
  allCutoffs: "Visi termiņi: `npm run cli -- cutoff list`.",
  notCutoffId: (text: string) => `„${text}” nav ziņošanas termiņa numurs.`,
  noProgramme: "Glabātavā nav programmas.",
  /**
   * The admin twins (`institution`, `role`) given a person or channel that is no Slack ID and
   * that the local workspace does not name. `local`: local mode (no Slack credentials), where a
   * local Slack name (`@anna`, `#darba-grupa`) is taken too (src/cli/local-ids.ts); with real
   * Slack only IDs are (the CLI cannot look names up): how to find one in Slack.
   */
  refs: {
    notAUserId: (token: string, local = false) =>
      local
        ? `„${token}” nav Slack lietotāja ID, un lokālajā Slack nav cilvēka ar šādu vārdu. Norādiet ID (U…, piemēram, U0LOCAL01) vai lokālā Slack cilvēka vārdu (@anna); jaunu pievieno ar \`npm run slack -- --add-user <vārds>\`.`
        : `„${token}” nav Slack lietotāja ID. Komandrindā cilvēku norāda tikai ar ID (U…, piemēram, U0123ABCD), nevis ar @vārdu: Slack lietotnē atveriet viņa profilu, izvēlnē ⋮ – „Copy member ID” (Kopēt dalībnieka ID).`,
    notAChannelId: (token: string, local = false) =>
      local
        ? `„${token}” nav Slack kanāla ID, un lokālajā Slack nav kanāla ar šādu nosaukumu. Norādiet ID (C…, piemēram, C0LOCAL01) vai lokālā Slack kanāla nosaukumu (#darba-grupa); jaunu izveido ar \`npm run slack -- --add-channel <nosaukums>\`.`
        : `„${token}” nav Slack kanāla ID. Komandrindā kanālu norāda tikai ar ID (C…, piemēram, C0123ABCD), nevis ar #nosaukumu: Slack lietotnē noklikšķiniet uz kanāla nosaukuma tā augšā – ID ir atvērtā loga apakšā.`,
    /** The local workspace's people or channels, "@anna (U0LOCAL02), …": their names work too. */
    localUsers: (list: string) => `Lokālajā Slack ir šie cilvēki (der arī vārds): ${list}.`,
    localChannels: (list: string) => `Lokālajā Slack ir šie kanāli (der arī nosaukums): ${list}.`,
    /** The command group's help, as the admin twins' other usage errors end. */
    help: (group: string) => `Palīdzība: \`npm run cli -- ${group} --help\``,
  },
  replies: {
    /**
     * `n`: the current replies (not withdrawn); `withdrawn`: those withdrawn, listed for audit
     * and counted apart ("3 atbildes, 1 atsaukta"), left out when 0.
     */
    heading: (id: number, title: string, when: string, n: number, withdrawn: number) =>
      `Ziņošanas termiņš #${id}: ${title} (${when}) – ${n} ${lvPlural(n, "atbilde", "atbildes")}${withdrawn > 0 ? `, ${withdrawn} ${lvPlural(withdrawn, "atsaukta", "atsauktas")}` : ""}`,
    none: "Atbilžu vēl nav.",
    /** Column headings of the listing, in its column order. */
    columns: [
      "Institūcija",
      "Uzdevums",
      "Autors",
      "Pārbaude",
      "Statuss",
      "Saņemta",
      "Teksts",
    ] as readonly string[],
    unassigned: "bez uzdevuma",
    verified: "pārbaudīta",
    unverified: "nepārbaudīta",
    withdrawn: "[atsaukta]",
    edited: "[labota]",
    /** After a reply received later than the cut-off's time, as `/task` and the digest mark it. */
    late: "(pēc ziņošanas termiņa)",
    /** Instead of `late`: its institution had answered the task in time (`supplement`). */
    supplemented: "(papildināts pēc ziņošanas termiņa)",
  },
  annex: {
    cannotWrite: (ext: string, formats: string) =>
      `Pielikumu nevar saglabāt kā .${ext}: to var saglabāt tikai kā ${formats.replace(/, (?=[^,]*$)/u, " vai ")}. Dodiet failam kādu no šiem paplašinājumiem (piemēram, pielikums.docx) vai norādiet --format.`,
    wrote: (file: string, format: string, tasks: number, replies: number, missing: number) =>
      `Uzrakstīts ${file} (${format}): ${tasks} ${lvPlural(tasks, "uzdevums", "uzdevumi")}, ` +
      `${replies} ${lvPlural(replies, "atbilde", "atbildes")}, trūkst ${missing}.`,
  },
  calendarWrote: (file: string, n: number) =>
    `Uzrakstīts ${file}: ${n} ${lvPlural(n, "notikums", "notikumi")}.`,
  /** An output file (`--out`, `--docx`) that could not be written; `folder` is absolute. */
  write: {
    ENOENT: (file: string, folder: string) =>
      `Failu „${file}” nevar uzrakstīt: mapes ${folder} nav. Izveidojiet to vai norādiet citu ceļu.`,
    ENOTDIR: (file: string, folder: string) =>
      `Failu „${file}” nevar uzrakstīt: ${folder} nav mape.`,
    EACCES: (file: string, folder: string) =>
      `Failu „${file}” nevar uzrakstīt: mapē ${folder} nav atļauts rakstīt.`,
    EISDIR: (file: string) => `Failu „${file}” nevar uzrakstīt: tā ir mape; norādiet faila vārdu.`,
    notWritable: (file: string, folder: string) =>
      `Failu „${file}” nevar uzrakstīt: mapē ${folder} rakstīt nevar (tā ir tikai lasāma). Norādiet citu mapi.`,
    other: (file: string, detail: string) => `Failu „${file}” nevar uzrakstīt (${detail}).`,
  } satisfies Record<WriteProblem, (file: string, folderOrDetail: string) => string>,
  import: {
    failed: (why: string) => `Imports neizdevās, nekas nav ierakstīts: ${why}`,
    file: {
      ENOENT: (path: string, cwd: string) =>
        `faila „${path}” nav (relatīvu ceļu lasa no mapes ${cwd}).`,
      EACCES: (path: string) => `failu „${path}” nav atļauts lasīt.`,
      EISDIR: (path: string) => `„${path}” ir mape, nevis fails.`,
      other: (path: string, detail: string) => `failu „${path}” nevar nolasīt (${detail}).`,
    } satisfies Record<FileProblem, (path: string, cwdOrDetail: string) => string>,
    dryRun: (tasks: number, institutions: number, programme: string) =>
      `Izmēģinājums: tiktu importēti ${tasks} ${lvPlural(tasks, "uzdevums", "uzdevumi")} un ` +
      `${institutions} ${lvPlural(institutions, "institūcija", "institūcijas")} (programma ${programme}). Nekas nav ierakstīts.`,
    summary: (
      p: string,
      t: { created: number; updated: number; unchanged: number },
      i: { created: number; updated: number },
      audited: number,
    ) =>
      `Programma ${p}: uzdevumi – izveidoti ${t.created}, mainīti ${t.updated}, bez izmaiņām ${t.unchanged}; ` +
      `institūcijas – izveidotas ${i.created}, mainītas ${i.updated}; ${audited} ${lvPlural(audited, "ieraksts", "ieraksti")} vēsturē.`,
    kept: (numbers: string) => `Paliek (ir glabātavā, nav failā): ${numbers}`,
    /** A report that is not of the expected shape; `line` is appended by {@link reportLine}. */
    report: {
      empty: () => "ziņojuma teksts ir tukšs",
      no_abbreviations: (p) => `nav saīsinājumu saraksta „${p.heading}”`,
      abbreviations_unended: (p) =>
        `saīsinājumu sarakstam „${p.heading}” neseko virsraksts „${p.end}”, kas to noslēdz`,
      abbreviations_empty: () => "saīsinājumu sarakstā nav neviena ieraksta",
      no_programme_entry: () => "saīsinājumu sarakstā nav ieraksta „Programma”",
      programme_no_years: (p) => `programmas nosaukumā „${p.name}” nav gadu`,
      no_annex: (p) => `nav pielikuma „${p.heading}”`,
      no_task_rows: (p) => `pielikumā „${p.heading}” nav uzdevumu rindu`,
      no_section: (p) => `${p.task}. uzdevumam nav priekšā rīcības virziena virsraksta („I …”)`,
      no_title: (p) => `${p.task}. uzdevumam nav nosaukuma`,
      no_deadline: (p) => `${p.task}. uzdevumam nav izpildes termiņa`,
      no_institution: (p) => `${p.task}. uzdevumam nav atbildīgās institūcijas`,
      no_status: (p) => `${p.task}. uzdevuma rezultatīvajā rādītājā „${p.indicator}” nav statusa`,
      task_count: (p) =>
        `pielikumā ir ${p.found} ${lvPlural(p.found, "uzdevums", "uzdevumi")}, ievadā minēti ${p.named}`,
    } satisfies ReportTexts,
    reportLine: (line: number) => ` (${line}. rinda)`,
  },
  redisLater:
    "REDIS_URL nav iestatīts, un DATA_DIR nav atrasta strādājoša lietotne: atgādinājumu plāns glabātavā ir atjaunots; darbus rindā ieplāno lietotne, kad tā nākamreiz startē.",
  redisUnreachable:
    "Darbu rinda (Redis) neatbild: atgādinājumu plāns glabātavā ir atjaunots; darbus rindā ieplāno lietotne, tiklīdz Redis atkal darbojas (vai tās nākamajā startā).",
  /**
   * `cutoff plan` with no queue reached: what it shows is the store's plan; no job is in the
   * queue until the app (which re-plans every cut-off from the store at its start) or Redis is back.
   */
  planLater:
    "REDIS_URL nav iestatīts, un DATA_DIR nav atrasta strādājoša lietotne: šis plāns ir saglabāts glabātavā, bet darbu rindā vēl nekas nav ieplānots – atgādinājumus ieplāno lietotne, kad tā startēs.",
  planUnreachable:
    "Darbu rinda (Redis) neatbild: šis plāns ir saglabāts glabātavā, bet darbu rindā vēl nekas nav ieplānots – atgādinājumus ieplāno lietotne, tiklīdz Redis atkal darbojas (vai tās nākamajā startā).",
  /** `migrate`: what it applied, or that there was nothing to apply; a migration that failed. */
  /**
   * A command that waited `seconds` for SQLite's write lock and gave up (SQLITE_BUSY): another
   * process held it; nothing of this command was stored.
   */
  storeBusy: (seconds: number) =>
    `Glabātavu ${seconds} s aizņēma cits process (lietotne vai cita komanda), un komanda neko nesaglabāja. Mēģiniet vēlreiz; ja tas atkārtojas, pārbaudiet, vai kāds process nav iestrēdzis.`,
  migrate: {
    upToDate: "Glabātavas shēma jau ir jaunākā: nav ko migrēt.",
    applied: (names: string[]) => `Piemērotās migrācijas (${names.length}): ${names.join(", ")}`,
    failed: (migration: string | null, detail: string) =>
      `Migrācija${migration ? ` ${migration}` : ""} neizdevās, glabātavā nekas nav mainīts: ${detail}`,
  },
  /**
   * `remind --now` with nothing to send: how many were sent before, those skipped (each
   * "2 × izlaists: …", worded as `cutoff plan` does), those failed for good, those still to come.
   */
  remindNothing: (t: RemindTally) =>
    [
      `Nav ko sūtīt: iepriekš ${lvPlural(t.sent, "nosūtīts", "nosūtīti")} ${t.sent} ${lvPlural(t.sent, "atgādinājums", "atgādinājumi")}${t.skipped.length > 0 ? `; ${t.skipped.join(", ")}` : ""}.`,
      t.failed > 0
        ? ` ${t.failed} ${lvPlural(t.failed, "atgādinājums neizdevās un netiek sūtīts", "atgādinājumi neizdevās un netiek sūtīti")} vēlreiz: ${lvPlural(t.failed, "tam", "tiem")} sekoja vēlāks atgādinājums, vai ${lvPlural(t.failed, "tā", "to")} laiks (pirms vai pēc termiņa) ir beidzies.`
        : "",
      t.plannedAfter > 0
        ? ` Pēc termiņa vēl ${lvPlural(t.plannedAfter, "paredzēts", "paredzēti")} ${t.plannedAfter} ${lvPlural(t.plannedAfter, "atgādinājums", "atgādinājumi")}.`
        : "",
    ].join(""),
  /** `remind --now`, one line per institution: what became of its reminder. */
  remind: {
    sent: "nosūtīts",
    doneBefore: "jau bija nosūtīts vai izlaists",
    stale: "nav sūtīts: plāns tikmēr mainījies",
    rateLimited: "nav sūtīts: Slack ierobežo sūtīšanu; mēģiniet vēlreiz pēc brīža",
    unreachable: "nav sūtīts: Slack nav sasniedzams",
    /** The institution `code` has no channel: the command that maps one, with its code. */
    noMapping: (code: string) =>
      `nav sūtīts: institūcijai nav piesaistīts Slack kanāls (\`npm run cli -- institution set ${code} <kanāla ID> <lietotāja ID>\`)`,
    /** Slack does not know the channel of `code`: only naming another can help. */
    channelNotFound: (code: string) =>
      `neizdevās: kanāls nav atrasts – norādiet citu (\`npm run cli -- institution set ${code} <kanāla ID> <lietotāja ID>\`)`,
    /** After the lines: the institutions (codes) whose reminder was not sent (exit 1). */
    notAllSent: (codes: string[]) =>
      `${lvPlural(codes.length, "Neizdevās nosūtīt atgādinājumu institūcijai", "Neizdevās nosūtīt atgādinājumus institūcijām")} ${codes.join(", ")} – ${lvPlural(codes.length, "iemesls norādīts", "iemesli norādīti")} augstāk.`,
    /** Slack (its Web API at `url`) did not answer before anything was sent. */
    unreachableBefore: (url: string) =>
      `Slack nav sasniedzams (${url}): nekas nav nosūtīts un nekas nav mainīts. Pārbaudiet tīkla savienojumu un mēģiniet vēlreiz.`,
    /** Slack stopped answering during the run: the rest stays due. */
    unreachableDuring: (url: string) =>
      `Slack nav sasniedzams (${url}): sūtīšana apturēta; nenosūtītie atgādinājumi joprojām gaida – palaidiet \`remind --now\` vēlreiz, kad Slack būs sasniedzams.`,
  },
  digest: {
    badSince: (text: string) => `--since: „${text}” nav pagājis datums.`,
    notDate: (text: string) => `--since: „${text}” nav datums. ${DATE_FORMATS_HELP.lv}`,
    /** A date's shape naming no day ("31.02.2027"): the shared words every command uses. */
    invalidDate: (text: string) =>
      `--since: ${dateInputText("lv").invalidDate(text)} ${DATE_FORMATS_HELP.lv}`,
    noChannel: "Lai publicētu kopsavilkumu, iestatiet WORKGROUP_CHANNEL_ID.",
    posted: (channel: string) => `Publicēts kanālā ${channel}.`,
    written: (file: string) => `Uzrakstīts: ${file}`,
  },
};

/**
 * What `remind --now` reports when it had nothing to send: counts of the cut-off's reminders,
 * `skipped` already worded ("2 × izlaists – viss atbildēts").
 */
export interface RemindTally {
  sent: number;
  skipped: string[];
  failed: number;
  plannedAfter: number;
}

/** One wording per report problem, each taking that problem's fields. */
type ReportTexts = {
  [K in ReportProblem["kind"]]: (p: Extract<ReportProblem, { kind: K }>) => string;
};

const en: typeof lv = {
  noCutoff: (id) => `No reporting cut-off #${id}. All cut-offs: \`npm run cli -- cutoff list\`.`,
  allCutoffs: "All cut-offs: `npm run cli -- cutoff list`.",
  notCutoffId: (text) => `“${text}” is not a reporting cut-off number.`,
  noProgramme: "No programme in the store.",
  refs: {
    notAUserId: (token, local = false) =>
      local
        ? `“${token}” is not a Slack user ID, and the local Slack has nobody of that name. Give the ID (U…, e.g. U0LOCAL01) or a local Slack person's name (@anna); add one with \`npm run slack -- --add-user <name>\`.`
        : `“${token}” is not a Slack user ID. The CLI takes people by ID only (U…, e.g. U0123ABCD), not by @name: in Slack, open the person's profile and choose ⋮ → Copy member ID.`,
    notAChannelId: (token, local = false) =>
      local
        ? `“${token}” is not a Slack channel ID, and the local Slack has no channel of that name. Give the ID (C…, e.g. C0LOCAL01) or a local Slack channel's name (#darba-grupa); create one with \`npm run slack -- --add-channel <name>\`.`
        : `“${token}” is not a Slack channel ID. The CLI takes channels by ID only (C…, e.g. C0123ABCD), not by #name: in Slack, click the channel's name at its top; the ID is at the bottom of the window that opens.`,
    localUsers: (list) => `The local Slack's people (their names work too): ${list}.`,
    localChannels: (list) => `The local Slack's channels (their names work too): ${list}.`,
    help: (group) => `Help: \`npm run cli -- ${group} --help\``,
  },
  replies: {
    heading: (id, title, when, n, withdrawn) =>
      `Cut-off #${id}: ${title} (${when}) – ${count(n, "reply", "replies")}${withdrawn > 0 ? `, ${withdrawn} withdrawn` : ""}`,
    none: "No replies yet.",
    columns: ["Institution", "Task", "Author", "Verified", "Status", "Received", "Text"],
    unassigned: "unassigned",
    verified: "verified",
    unverified: "unverified",
    withdrawn: "[withdrawn]",
    edited: "[edited]",
    late: "(after the reporting cut-off)",
    supplemented: "(supplemented after the reporting cut-off)",
  },
  annex: {
    cannotWrite: (ext, formats) =>
      `The annex cannot be saved as .${ext}: it can only be saved as ${formats.replace(/, (?=[^,]*$)/u, " or ")}. Give the file one of these extensions (e.g. annex.docx) or give --format.`,
    wrote: (file, format, tasks, replies, missing) =>
      `Wrote ${file} (${format}): ${count(tasks, "task", "tasks")}, ${count(replies, "reply", "replies")}, ${missing} missing.`,
  },
  calendarWrote: (file, n) => `Wrote ${file}: ${count(n, "event", "events")}.`,
  write: {
    ENOENT: (file, folder) =>
      `Cannot write “${file}”: there is no folder ${folder}. Create it or give another path.`,
    ENOTDIR: (file, folder) => `Cannot write “${file}”: ${folder} is not a folder.`,
    EACCES: (file, folder) => `Cannot write “${file}”: no permission to write in ${folder}.`,
    EISDIR: (file) => `Cannot write “${file}”: it is a folder; give a file name.`,
    notWritable: (file, folder) =>
      `Cannot write “${file}”: the folder ${folder} is not writable. Give a path in another folder.`,
    other: (file, detail) => `Cannot write “${file}” (${detail}).`,
  },
  import: {
    failed: (why) => `Import failed, nothing written: ${why}`,
    file: {
      ENOENT: (path, cwd) => `there is no file “${path}” (a relative path is read from ${cwd}).`,
      EACCES: (path) => `no permission to read “${path}”.`,
      EISDIR: (path) => `“${path}” is a folder, not a file.`,
      other: (path, detail) => `cannot read “${path}” (${detail}).`,
    },
    dryRun: (tasks, institutions, programme) =>
      `Dry run: ${count(tasks, "task", "tasks")} and ${count(institutions, "institution", "institutions")} would be imported (programme ${programme}). Nothing written.`,
    summary: (p, t, i, audited) =>
      `Programme ${p}: ${t.created} tasks created, ${t.updated} updated, ${t.unchanged} unchanged; institutions ${i.created} created, ${i.updated} updated; ${audited} audit ${audited === 1 ? "entry" : "entries"}.`,
    kept: (numbers) => `Kept (in the store, not in this file): ${numbers}`,
    report: {
      empty: () => "the report text is empty",
      no_abbreviations: (p) => `no abbreviation list “${p.heading}”`,
      abbreviations_unended: (p) =>
        `the abbreviation list “${p.heading}” is not followed by the heading “${p.end}” that ends it`,
      abbreviations_empty: () => "the abbreviation list has no entries",
      no_programme_entry: () => "the abbreviation list has no “Programma” entry",
      programme_no_years: (p) => `the programme “${p.name}” names no years`,
      no_annex: (p) => `no annex “${p.heading}”`,
      no_task_rows: (p) => `the annex “${p.heading}” has no task rows`,
      no_section: (p) => `task ${p.task}: no section heading (“I …”) before it`,
      no_title: (p) => `task ${p.task}: no title`,
      no_deadline: (p) => `task ${p.task}: no deadline`,
      no_institution: (p) => `task ${p.task}: no responsible institution`,
      no_status: (p) => `task ${p.task}: no status in the result indicator “${p.indicator}”`,
      task_count: (p) => `the annex has ${p.found} tasks, the introduction names ${p.named}`,
    },
    reportLine: (line) => ` (line ${line})`,
  },
  redisLater:
    "REDIS_URL is not set and no running app was found under DATA_DIR: the store's reminder plan is updated; the app schedules the jobs at its next start.",
  redisUnreachable:
    "The job queue (Redis) does not answer: the store's reminder plan is updated; the app schedules the jobs once Redis is back (or at its next start).",
  planLater:
    "REDIS_URL is not set and no running app was found under DATA_DIR: this plan is stored, but nothing is scheduled in the job queue yet – the app schedules the reminders when it starts.",
  planUnreachable:
    "The job queue (Redis) does not answer: this plan is stored, but nothing is scheduled in the job queue yet – the app schedules the reminders once Redis is back (or at its next start).",
  storeBusy: (seconds) =>
    `Another process (the app or another command) held the store for ${seconds} s, and this command stored nothing. Try again; if it keeps happening, check for a process that is stuck.`,
  migrate: {
    upToDate: "The store's schema is up to date: nothing to migrate.",
    applied: (names) =>
      `Applied ${count(names.length, "migration", "migrations")}: ${names.join(", ")}`,
    failed: (migration, detail) =>
      `Migration${migration ? ` ${migration}` : ""} failed, nothing in the store changed: ${detail}`,
  },
  remindNothing: (t) =>
    [
      `Nothing to send: ${count(t.sent, "reminder", "reminders")} sent before${t.skipped.length > 0 ? `; ${t.skipped.join(", ")}` : ""}.`,
      t.failed > 0
        ? ` ${count(t.failed, "reminder", "reminders")} failed and ${t.failed === 1 ? "is" : "are"} not sent again: a later reminder followed, or their time (before or after the cut-off) is over.`
        : "",
      t.plannedAfter > 0
        ? ` ${count(t.plannedAfter, "reminder is", "reminders are")} still planned for after the cut-off.`
        : "",
    ].join(""),
  remind: {
    sent: "sent",
    doneBefore: "already sent or skipped",
    stale: "not sent: the plan changed meanwhile",
    rateLimited: "not sent: Slack is limiting the rate; try again in a moment",
    unreachable: "not sent: Slack cannot be reached",
    noMapping: (code) =>
      `not sent: no channel mapped for the institution (\`npm run cli -- institution set ${code} <channelId> <userId>\`)`,
    channelNotFound: (code) =>
      `failed: channel not found – name another (\`npm run cli -- institution set ${code} <channelId> <userId>\`)`,
    notAllSent: (codes) =>
      `The reminder could not be sent to ${codes.join(", ")}: ${codes.length === 1 ? "the reason is" : "the reasons are"} given above.`,
    unreachableBefore: (url) =>
      `Slack cannot be reached (${url}): nothing was sent and nothing was changed. Check the network connection and try again.`,
    unreachableDuring: (url) =>
      `Slack cannot be reached (${url}): sending stopped; the reminders not sent stay due. Run \`remind --now\` again once Slack can be reached.`,
  },
  digest: {
    badSince: (text) => `--since: not a past date: ${text}`,
    notDate: (text) => `--since: “${text}” is not a date. ${DATE_FORMATS_HELP.en}`,
    invalidDate: (text) =>
      `--since: ${dateInputText("en").invalidDate(text)} ${DATE_FORMATS_HELP.en}`,
    noChannel: "Set WORKGROUP_CHANNEL_ID to post the digest.",
    posted: (channel) => `Posted to ${channel}.`,
    written: (file) => `Written: ${file}`,
  },
};

/** The catalogue's shape. */
export type CliText = typeof lv;

/** CLI messages in `locale`. */
export const cliText = defineCatalog<typeof lv>({ lv, en });
