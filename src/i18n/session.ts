import { cutoffText } from "./cutoff.ts";
import { dateInputText } from "./date-input.ts";
import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  title: "Darba grupas sēdes: /session",
  usage: [
    "*Kā lietot*",
    "• `/session list` – nākamās sēdes (skatīt var ikviens)",
    "• `/session add 2026-12-10 10:00 Darba grupas sēde` – jauna sēde (laiks pēc Rīgas laika; nosaukums nav obligāts)",
    "• `/session remove 3` – noņemt sēdi",
    "Pirms katras sēdes sekretārs saņem kopsavilkuma melnrakstu. Pievienot un noņemt sēdes var tikai sekretārs.",
  ].join("\n"),
  action: "plānot darba grupas sēdes",
  defaultTitle: "Darba grupas sēde",
  listHeading: "*Nākamās sēdes*",
  none: "Nākamo sēžu nav. Sekretārs tās pievieno ar `/session add &lt;datums&gt; &lt;laiks&gt; [nosaukums]`.",
  /** `draft`: when the draft goes out, or {@link lv.draftSent} once that time has passed. */
  item: (id: number, when: string, title: string, draft: string) =>
    `• *#${id}* ${when} – ${title} _(${draft})_`,
  draftOn: (when: string) => `melnraksts sekretāram: ${when}`,
  added: (id: number, when: string, title: string) =>
    `Pievienota sēde *#${id}*: *${when}* – ${title}.`,
  draftAt: (when: string) => `Kopsavilkuma melnraksts sekretāram: ${when}.`,
  /**
   * Under `added` when the session's day is no working day (commands/cutoff-day.ts
   * nonWorkingDayWords): `day` in full, `what` it is ("sestdiena", "svētku diena (…)"). The
   * session is added all the same.
   */
  nonWorkingDay: (day: string, what: string) => `Ievērojiet: ${day} ir ${what}.`,
  draftNow: (when: string) =>
    `Kopsavilkuma melnraksts sekretāram: tūlīt (tā laiks, ${when}, jau pagājis).`,
  draftSent: "melnraksts sekretāram nosūtīts",
  removed: (id: number, when: string, title: string) =>
    `Sēde *#${id}* (${when} – ${title}) noņemta; tās kopsavilkuma melnraksts netiks sūtīts.`,
  notFound: (id: number) => `Sēdes *#${id}* nav (vai tā jau noņemta).`,
  duplicate: (id: number, when: string, title: string) =>
    `Šajā laikā sēde jau ir: *#${id}* *${when}* – ${title}. Otru tādu pašu nepievienoju.`,
  duplicateHint: (id: number) =>
    `Lai to pārceltu, noņemiet to (\`/session remove ${id}\`) un pievienojiet no jauna. Sēdes: \`/session list\``,
  listHint: "Sēdes: `/session list`",
  usageHint: "Palīdzība: `/session help`",
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  tooLong: (length: number, max: number) =>
    `Teksts ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  missingDate: "Norādiet sēdes datumu un laiku, piemēram, `/session add 2026-12-10 10:00`.",
  missingTime: "Norādiet arī sēdes sākuma laiku, piemēram, `10:00`.",
  badTime: (text: string) =>
    `Laiks „${text}” nav derīgs: rakstiet sēdes sākumu stundās un minūtēs no 00:00 līdz 23:59 (HH:MM), piemēram, 10:00, 9.30 vai plkst. 10:00.`,
  /** `example`: the command as typed, with the time moved right after the date. */
  timeAfterTitle: (time: string, example: string) =>
    `Laiku „${time}” rakstiet tūlīt aiz datuma, pirms nosaukuma: \`${example}\`.`,
  titleTooLong: (length: number, max: number) =>
    `Nosaukums ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}).`,
  missingId: "Norādiet sēdes numuru, piemēram, `/session remove 3`.",
  badId: (text: string) => `„${text}” nav sēdes numurs.`,
  extra: (text: string) => `Lieks teksts: „${text}”.`,
  inPast: (when: string) => `${when} jau ir pagātnē: norādiet nākotnes laiku.`,
  /** A time inside the spring-forward gap, or twice in the autumn night: `/cutoff`'s words. */
  nonexistent: cutoffText("lv").nonexistent,
  ambiguous: cutoffText("lv").ambiguous,
  noProgramme: "Programma vēl nav importēta.",
  ...dateInputText("lv"),
};

const en: typeof lv = {
  title: "Working group sessions: /session",
  usage: [
    "*How to use*",
    "• `/session list` – the coming sessions (anyone may look)",
    "• `/session add 2026-12-10 10:00 Working group session` – a new session (Riga time; the title is optional)",
    "• `/session remove 3` – remove a session",
    "Before each session the secretary gets a draft digest. Only the secretary may add and remove sessions.",
  ].join("\n"),
  action: "plan working group sessions",
  defaultTitle: "Working group session",
  listHeading: "*Coming sessions*",
  none: "No sessions ahead. The secretary adds them with `/session add &lt;date&gt; &lt;time&gt; [title]`.",
  item: (id, when, title, draft) => `• *#${id}* ${when} – ${title} _(${draft})_`,
  draftOn: (when) => `draft digest to the secretary: ${when}`,
  added: (id, when, title) => `Added session *#${id}*: *${when}* – ${title}.`,
  draftAt: (when) => `Draft digest to the secretary: ${when}.`,
  nonWorkingDay: (day, what) => `Note: ${day} is ${what}.`,
  draftNow: (when) => `Draft digest to the secretary: right away (its time, ${when}, has passed).`,
  draftSent: "draft digest to the secretary sent",
  removed: (id, when, title) =>
    `Session *#${id}* (${when} – ${title}) removed; its draft digest will not be sent.`,
  notFound: (id) => `There is no session *#${id}* (or it was removed).`,
  duplicate: (id, when, title) =>
    `There is a session at that time already: *#${id}* *${when}* – ${title}. I did not add a second one.`,
  duplicateHint: (id) =>
    `To move it, remove it (\`/session remove ${id}\`) and add it again. Sessions: \`/session list\``,
  listHint: "Sessions: `/session list`",
  usageHint: "Help: `/session help`",
  notUnderstood: (text) => `I did not understand “${text}”.`,
  tooLong: (length, max) => `The text is too long (${length} characters; at most ${max}).`,
  missingDate: "Give the session's date and time, e.g. `/session add 2026-12-10 10:00`.",
  missingTime: "Give the session's start time too, e.g. `10:00`.",
  badTime: (text) =>
    `“${text}” is not a valid time: write the session's start in hours and minutes from 00:00 to 23:59 (HH:MM), e.g. 10:00 or 9.30.`,
  timeAfterTitle: (time, example) =>
    `Write the time “${time}” right after the date, before the title: \`${example}\`.`,
  titleTooLong: (length, max) => `The title is too long (${length} characters; at most ${max}).`,
  missingId: "Give the session's number, e.g. `/session remove 3`.",
  badId: (text) => `“${text}” is not a session number.`,
  extra: (text) => `Unexpected text: “${text}”.`,
  inPast: (when) => `${when} is in the past: give a future time.`,
  nonexistent: cutoffText("en").nonexistent,
  ambiguous: cutoffText("en").ambiguous,
  noProgramme: "No programme has been imported yet.",
  ...dateInputText("en"),
};

/** Texts of `/session`. */
export const sessionText = defineCatalog<typeof lv>({ lv, en });
