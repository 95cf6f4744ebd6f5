import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  heading: (title: string, date: string) => `*Ziņošanas termiņš: ${date}* (${title})`,
  /** `verified`: from one of the institution's contacts (✅), else ❔ (not yet its answer). */
  replied: (
    code: string,
    date: string,
    user: string,
    excerpt: string,
    link: string,
    verified: boolean,
  ) =>
    `${verified ? "✅" : "❔"} *${code}* atbildēja ${date} (<@${user}>): ${excerpt} <${link}|Atvērt>`,
  waiting: (code: string) => `⏳ *${code}* – atbildes vēl nav`,
  /** After a reply received once the cut-off had passed. */
  late: " _(pēc ziņošanas termiņa)_",
  unverified: " _(nepārbaudīta: autors nav institūcijas kontaktpersona)_",
  laterUnverified: (n: number) =>
    ` _(un ${n} ${lvPlural(n, "vēlāka nepārbaudīta atbilde", "vēlākas nepārbaudītas atbildes")})_`,
  nextReminder: (date: string) => `Nākamais atgādinājums: ${date}`,
  noneScheduled: "Atgādinājumi vairs nav plānoti.",
};

const en: typeof lv = {
  heading: (title, date) => `*Reporting cut-off: ${date}* (${title})`,
  replied: (code, date, user, excerpt, link, verified) =>
    `${verified ? "✅" : "❔"} *${code}* replied ${date} (<@${user}>): ${excerpt} <${link}|Open>`,
  waiting: (code) => `⏳ *${code}* – no reply yet`,
  late: " _(after the reporting cut-off)_",
  unverified: " _(unverified: the author is not a contact of the institution)_",
  laterUnverified: (n) => ` _(and ${n} later unverified ${n === 1 ? "reply" : "replies"})_`,
  nextReminder: (date) => `Next reminder: ${date}`,
  noneScheduled: "No more reminders are planned.",
};

/** `/task N`'s part about the active reporting cut-off. */
export const taskCutoffText = defineCatalog<typeof lv>({ lv, en });
