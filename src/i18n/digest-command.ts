/**
 * What the `/digest` command says (usage, its acknowledgements and refusals, `list` and `show`),
 * apart from the digest's own texts (digest.ts, which re-exports this catalogue).
 */
import { dateInputText } from "./date-input.ts";
import { defineCatalog } from "./define.ts";

const lvCommand = {
  action: "sagatavot kopsavilkumu",
  usage: [
    "*Kā lietot* (sekretārs)",
    "• `/digest` – kopsavilkums par laiku kopš iepriekšējā kopsavilkuma vai sēdes; tiek publicēts darba grupas kanālā",
    "• `/digest since 2026-11-01` – par laiku kopš šīs dienas",
    "• `/digest list` – iepriekšējie kopsavilkumi",
    "• `/digest show 3` – parādīt kopsavilkumu #3",
  ].join("\n"),
  queued: (where: string) =>
    `⏳ Gatavoju kopsavilkumu. Tas parādīsies ${where} (ar diagrammu un DOCX failu pavedienā).`,
  here: "šajā kanālā",
  inChannel: (channel: string) => `kanālā <#${channel}>`,
  alreadyQueued: (when: string, where: string) =>
    `⏳ Šis kopsavilkums jau tiek gatavots${when ? ` (pieprasīts ${when})` : ""}; tas parādīsies ${where}. Otru tādu pašu negatavoju.`,
  alreadyPosted: (id: number, when: string, link: string) =>
    `✅ Šis kopsavilkums (*#${id}*) jau ir publicēts ${when}: <${link}|atvērt>. Otru tādu pašu negatavoju.`,
  rerunHint: "Ja vajag jaunu, pēc minūtes vēlreiz izpildiet `/digest`.",
  /**
   * The digest a request repeats (the repeat rule, src/digest/repeat.ts), named: one asked by
   * hand, or the automatic one after a cut-off (`auto`).
   */
  repeatName: (id: number, auto: boolean) =>
    auto
      ? `Automātiskais kopsavilkums pēc ziņošanas termiņa (*#${id}*)`
      : `Šis kopsavilkums (*#${id}*)`,
  /** It (`name`, repeatName) was posted at `when` (Riga time), `link` opens it; nothing new since. */
  repeatPosted: (name: string, when: string, link: string) =>
    `✅ ${name} jau ir publicēts ${when}: <${link}|atvērt>. Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju.`,
  /** It was built at `when` and is on its way to `where` (no message yet); nothing new since. */
  repeatOnItsWay: (name: string, when: string, where: string) =>
    `⏳ ${name} jau tiek publicēts ${where} (sagatavots ${when}). Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju.`,
  noQueue:
    "Darbu rinda (Redis) šobrīd nav pieejama, tāpēc kopsavilkumu nevar sagatavot. Mēģiniet vēlreiz pēc brīža vai serverī izpildiet `koordinators digest --post`.",
  listTitle: "Kopsavilkumi: /digest",
  listHeading: "*Kopsavilkumi*",
  listItem: (id: number, when: string, kind: string, posted: string) =>
    `• *#${id}* ${when} – ${kind}; ${posted}`,
  kinds: {
    manual: "pēc pieprasījuma",
    session: "pirms sēdes",
    cutoff: "ziņošanas termiņš",
  } as Record<string, string>,
  posted: (when: string) => `publicēts ${when}`,
  notPosted: "nav publicēts darba grupai",
  noDigests: "Kopsavilkumu vēl nav. Sagatavojiet pirmo ar `/digest`.",
  notFound: (id: number) => `Kopsavilkuma *#${id}* nav.`,
  listHint: "Kopsavilkumi: `/digest list`",
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  future: "Datumam „kopš” jābūt pagātnē.",
  usageHint: "Palīdzība: `/digest help`",
  ...dateInputText("lv"),
};

const enCommand: typeof lvCommand = {
  action: "prepare a digest",
  usage: [
    "*How to use* (secretary)",
    "• `/digest` – a digest of the time since the previous digest or session, posted to the working group's channel",
    "• `/digest since 2026-11-01` – of the time since that day",
    "• `/digest list` – earlier digests",
    "• `/digest show 3` – show digest #3",
  ].join("\n"),
  queued: (where) =>
    `⏳ Preparing the digest. It will appear ${where} (with a chart and a DOCX file in its thread).`,
  here: "in this channel",
  inChannel: (channel) => `in <#${channel}>`,
  alreadyQueued: (when, where) =>
    `⏳ This digest is already being prepared${when ? ` (asked ${when})` : ""}; it will appear ${where}. I am not preparing a second copy.`,
  alreadyPosted: (id, when, link) =>
    `✅ This digest (*#${id}*) was already posted ${when}: <${link}|open>. I am not preparing a second copy.`,
  rerunHint: "If you need a new one, run `/digest` again in a minute.",
  repeatName: (id, auto) =>
    auto ? `The automatic digest after the reporting cut-off (*#${id}*)` : `This digest (*#${id}*)`,
  repeatPosted: (name, when, link) =>
    `✅ ${name} was already posted ${when}: <${link}|open>. Nothing new has been stored since, so I am not preparing a second copy.`,
  repeatOnItsWay: (name, when, where) =>
    `⏳ ${name} is already being posted ${where} (prepared ${when}). Nothing new has been stored since, so I am not preparing a second copy.`,
  noQueue:
    "The job queue (Redis) is not available right now, so the digest cannot be prepared. Try again shortly, or run `koordinators digest --post` on the server.",
  listTitle: "Digests: /digest",
  listHeading: "*Digests*",
  listItem: (id, when, kind, posted) => `• *#${id}* ${when} – ${kind}; ${posted}`,
  kinds: { manual: "on request", session: "before a session", cutoff: "reporting cut-off" },
  posted: (when) => `posted ${when}`,
  notPosted: "not posted to the working group",
  noDigests: "No digests yet. Prepare the first with `/digest`.",
  notFound: (id) => `There is no digest *#${id}*.`,
  listHint: "Digests: `/digest list`",
  notUnderstood: (text) => `I did not understand “${text}”.`,
  future: "The “since” date must be in the past.",
  usageHint: "Help: `/digest help`",
  ...dateInputText("en"),
};

/** Texts of the `/digest` command itself. */
export const digestCommandText = defineCatalog<typeof lvCommand>({ lv: lvCommand, en: enCommand });
