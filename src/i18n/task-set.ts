import { dateInputText } from "./date-input.ts";
import { defineCatalog } from "./define.ts";

/** The sentence's full stop, unless `text` already ends with one (a date "30.06.2027."). */
const stop = (text: string) => (/\.\s*$/u.test(text) ? "" : ".");

/** Messages of `/task 14 set …` and `/task 2014:3` (another programme). */
const lv = {
  setUsage: [
    "*Uzdevuma maiņa (sekretārs)*",
    "• `/task 14 set status partial` – statuss: `done` (izpildīts), `partial` (izpildīts daļēji), `ongoing` (pastāvīgi), `not_done` (nav izpildīts)",
    "• `/task 14 set deadline 2027-06-30` – termiņš: datums (arī `šodien`, `rīt`, `vakar`), `2027.gads`, `regulāri` vai `ikgadēji`",
    "Katra maiņa tiek ierakstīta vēsturē (`/task 14 history`).",
  ].join("\n"),
  missingField: "Norādiet, ko mainīt: `status` vai `deadline`.",
  unknownField: (field: string) =>
    `„${field}” mainīt nevar: var mainīt \`status\` vai \`deadline\`.`,
  missingValue: (field: string): string =>
    field === "status"
      ? "Norādiet statusu, piemēram, `/task 14 set status partial`."
      : "Norādiet termiņu, piemēram, `/task 14 set deadline 2027-06-30`.",
  badStatus: (value: string) =>
    `„${value}” nav statuss. Der: \`done\`, \`partial\`, \`ongoing\`, \`not_done\` (vai „izpildīts”, „izpildīts daļēji”, „pastāvīgi”, „nav izpildīts”).`,
  badDeadline: (value: string) =>
    `„${value}” nav termiņš. Rakstiet datumu (\`2027-06-30\`, \`30.06.2027.\`), gadu (\`2027.gads\`), \`regulāri\` vai \`ikgadēji\`.`,
  refusal: (who: string) =>
    `Atvainojiet, mainīt uzdevumus var tikai sekretārs${who ? ` (${who})` : ""}.`,
  refusalHint:
    "Ja izmaiņa ir vajadzīga, lūdziet sekretariātu (kam ir sekretāra loma, var uzzināt ar `/role list`) to ievest; daudz izmaiņu reizē var ievest ar izklājlapu.",
  fields: { status: "statuss", deadline: "termiņš" },
  changed: (number: string, field: string, before: string, after: string) =>
    `Uzdevums *${number}*: ${field} ${before} → *${after}*${stop(after)}`,
  unchanged: (number: string, field: string, value: string) =>
    `Uzdevumam *${number}* ${field} jau ir ${value}; nekas nav mainīts.`,
  none: "nav",
  historyHint: (ref: string) => `Vēsture: \`/task ${ref} history\``,
  noSuchProgramme: (ref: string, codes: string) =>
    `Programmas „${ref}” nav. Programmas: ${codes} (\`/programme list\`).`,
  ...dateInputText("lv"),
};

const en: typeof lv = {
  setUsage: [
    "*Changing a task (secretary)*",
    "• `/task 14 set status partial` – status: `done`, `partial`, `ongoing`, `not_done`",
    "• `/task 14 set deadline 2027-06-30` – deadline: a date (also `today`, `tomorrow`, `yesterday`), `2027.gads`, `regulāri` or `ikgadēji`",
    "Every change is kept in the history (`/task 14 history`).",
  ].join("\n"),
  missingField: "Say what to change: `status` or `deadline`.",
  unknownField: (field) => `“${field}” cannot be changed: change \`status\` or \`deadline\`.`,
  missingValue: (field) =>
    field === "status"
      ? "Give a status, e.g. `/task 14 set status partial`."
      : "Give a deadline, e.g. `/task 14 set deadline 2027-06-30`.",
  badStatus: (value) =>
    `“${value}” is not a status. Use \`done\`, \`partial\`, \`ongoing\` or \`not_done\`.`,
  badDeadline: (value) =>
    `“${value}” is not a deadline. Write a date (\`2027-06-30\`, \`30.06.2027.\`), a year (\`2027.gads\`), \`regulāri\` or \`ikgadēji\`.`,
  refusal: (who) => `Sorry, only the secretary can change tasks${who ? ` (${who})` : ""}.`,
  refusalHint:
    "If a change is needed, write to the secretary (`/role list` shows who they are); many changes at once the secretary can bring in by spreadsheet.",
  fields: { status: "status", deadline: "deadline" },
  changed: (number, field, before, after) =>
    `Task *${number}*: ${field} ${before} → *${after}*${stop(after)}`,
  unchanged: (number, field, value) =>
    `Task *${number}* already has ${field} ${value}; nothing changed.`,
  none: "none",
  historyHint: (ref) => `History: \`/task ${ref} history\``,
  noSuchProgramme: (ref, codes) =>
    `There is no programme “${ref}”. Programmes: ${codes} (\`/programme list\`).`,
  ...dateInputText("en"),
};

/** `/task … set` and programme-reference messages in `locale`. */
export const taskSetText = defineCatalog<typeof lv>({ lv, en });
