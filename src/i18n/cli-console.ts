import { defineCatalog } from "./define.ts";

/**
 * What `serve` and `worker` print for the person at the console (logs stay English): the
 * banner once the app is up. Latvian by default (DEFAULT_LOCALE), English with `--lang en`.
 * URLs are passed in as the app reports them ("http://127.0.0.1:3000").
 */
const lv = {
  banner: {
    local: (app: string, emulator: string) => [
      "Koordinators darbojas lokālajā režīmā (Slack piekļuves dati nav iestatīti): Slack vietā",
      `ir iebūvēts Slack emulators. Lietotne: ${app}/slack/events · emulators: ${emulator}`,
      "",
      "Runājiet ar to tāpat kā Slack, no cita termināļa:",
    ],
    real: "Lai izmantotu īstu Slack darbvietu, iestatiet SLACK_BOT_TOKEN un SLACK_SIGNING_SECRET (sk. README).",
    http: (app: string) => [
      `Koordinators darbojas: Slack pieprasījumus gaida ${app}/slack/events`,
      "(to publisko adresi norādiet Slack lietotnes iestatījumos), stāvoklis – /healthz.",
    ],
    socket: (app: string) => [
      "Koordinators darbojas Socket Mode režīmā: savienojums ar Slack (SLACK_APP_TOKEN),",
      `stāvoklis – ${app}/healthz.`,
    ],
    worker: (prefix: string) =>
      `Koordinators darba process darbojas (rinda „${prefix}”): atgādinājumi, kopsavilkumi, atbilžu vākšana.`,
    noQueue: [
      "Atgādinājumi un plānotie kopsavilkumi NEDARBOJAS: Redis nav pieejams (/task atbild arī bez tā).",
      "Instalējiet redis-server (Debian/Ubuntu: `sudo apt-get install -y redis-server`) vai",
      "iestatiet REDIS_URL, tad startējiet vēlreiz.",
    ],
    stop: "Apturēt: Ctrl-C.",
  },
  /** Commander's usage errors (`npm run cli -- …`); the help after them stays English. */
  usage: {
    unknownOption: (flag: string) => `Nezināma opcija „${flag}”.`,
    unknownCommand: (name: string) => `Nezināma komanda „${name}”.`,
    didYouMean: (names: string[]) =>
      names.length === 1
        ? `(Varbūt domājāt ${names[0]}?)`
        : `(Varbūt domājāt kādu no: ${names.join(", ")}?)`,
    missingArgument: (name: string) => `Trūkst obligātā argumenta <${name}>.`,
    optionMissingValue: (flags: string) => `Opcijai ${flags} trūkst vērtības.`,
    missingOption: (flags: string) => `Obligātā opcija ${flags} nav norādīta.`,
    /** After {@link missingOption}, in place of the (English) help: where the help is. */
    seeHelp: (command: string) => `Skatiet \`npm run cli -- ${command} --help\`.`,
    invalidChoice: (flags: string, value: string, choices: string) =>
      `Opcijas ${flags} vērtība „${value}” nav derīga. Atļautās vērtības: ${choices}.`,
    tooManyArguments: (command: string | null, expected: number, got: number) =>
      `Par daudz argumentu${command ? ` komandai ${command}` : ""}: gaidīti ${expected}, doti ${got}.`,
    oneFormat: (formats: string) => `digest: izvēlieties vienu no ${formats}.`,
    remindNow: "remind: lai atgādinājumus nosūtītu tagad, pievienojiet --now.",
  },
  /** `digest --post`, `remind --now` in local mode with no app to post through. */
  noLocalApp:
    "Slack piekļuves dati nav iestatīti, un lokālā lietotne nedarbojas: vispirms palaidiet to ar `npm start`.",
  /** A start refused: PORT taken, or DATA_DIR's private Redis owned by another process. */
  refused: {
    portInUse: (port: number) =>
      `Ports ${port} jau ir aizņemts (cita lietotne vai vēl viens Koordinators). Iestatiet PORT uz brīvu portu vai apturiet otru procesu.`,
    redisOwned: (owner: number, dir: string, at: string) =>
      `Cits Koordinatora process (pid ${owner}) jau darbojas ar savu privāto Redis mapē ${dir}${at}. Vispirms apturiet to vai dodiet šim citu DATA_DIR (vai iestatiet REDIS_URL uz Redis, ko abi var lietot kopā): otrs redis-server ar tiem pašiem datiem sabojātu darbu rindu.`,
    redisUnowned: (dir: string, at: string, url: string) =>
      `Mapē ${dir} jau darbojas redis-server${at}, un neviens strādājošs Koordinatora process nav norādīts kā tā īpašnieks. Apturiet to (\`redis-cli -u ${url} shutdown\`) un startējiet vēlreiz: otrs redis-server ar tiem pašiem datiem sabojātu darbu rindu.`,
  },
};

const en: typeof lv = {
  banner: {
    local: (app, emulator) => [
      "Koordinators is running in local mode (no Slack credentials set): a built-in Slack",
      `emulator stands in for Slack. App: ${app}/slack/events · emulator: ${emulator}`,
      "",
      "Talk to it as Slack would, from another terminal:",
    ],
    real: "To use a real Slack workspace, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README).",
    http: (app) => [
      `Koordinators is running: Slack's requests go to ${app}/slack/events`,
      "(give its public address in the Slack app's settings), health at /healthz.",
    ],
    socket: (app) => [
      "Koordinators is running in Socket Mode: connected to Slack (SLACK_APP_TOKEN),",
      `health at ${app}/healthz.`,
    ],
    worker: (prefix) =>
      `Koordinators' worker is running (queue "${prefix}"): reminders, digests, reply collection.`,
    noQueue: [
      "Reminders and scheduled digests are OFF: Redis is not available (/task answers without it).",
      "Install redis-server (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or",
      "set REDIS_URL, then start again.",
    ],
    stop: "Stop it with Ctrl-C.",
  },
  usage: {
    unknownOption: (flag) => `Unknown option "${flag}".`,
    unknownCommand: (name) => `Unknown command "${name}".`,
    didYouMean: (names) =>
      names.length === 1
        ? `(Did you mean ${names[0]}?)`
        : `(Did you mean one of ${names.join(", ")}?)`,
    missingArgument: (name) => `Missing required argument <${name}>.`,
    optionMissingValue: (flags) => `Option ${flags} needs a value.`,
    missingOption: (flags) => `Required option ${flags} not given.`,
    seeHelp: (command) => `See \`npm run cli -- ${command} --help\`.`,
    invalidChoice: (flags, value, choices) =>
      `Option ${flags}: "${value}" is not valid. Allowed values: ${choices}.`,
    tooManyArguments: (command, expected, got) =>
      `Too many arguments${command ? ` for ${command}` : ""}: expected ${expected}, got ${got}.`,
    oneFormat: (formats) => `digest: choose one of ${formats}.`,
    remindNow: "remind: add --now to send the reminders now.",
  },
  noLocalApp: "No Slack credentials and no local app running: start it with `npm start` first.",
  refused: {
    portInUse: (port) =>
      `Port ${port} is already in use (another app, or another Koordinators). Set PORT to a free port, or stop the other process.`,
    redisOwned: (owner, dir, at) =>
      `Another Koordinators process (pid ${owner}) is already running with its private Redis in ${dir}${at}. Stop it first, or give this one another DATA_DIR (or set REDIS_URL to a Redis both may share): a second redis-server on the same data would corrupt the job queue.`,
    redisUnowned: (dir, at, url) =>
      `A redis-server${at} is already running on ${dir} and no running Koordinators process is recorded as its owner. Stop it (\`redis-cli -u ${url} shutdown\`) and start again: a second redis-server on the same data would corrupt the job queue.`,
  },
};

/** The catalogue's shape. */
export type ConsoleText = typeof lv;

/** Console texts (banners, refusals, usage errors) in `locale`. */
export const consoleText = defineCatalog<typeof lv>({ lv, en });
