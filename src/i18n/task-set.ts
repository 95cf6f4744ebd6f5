import { dateInputText } from "./date-input.ts";
import { defineCatalog } from "./define.ts";

/** The sentence's full stop, unless `text` already ends with one (a date "30.06.2027."). */
const stop = (text: string) => (/\.\s*$/u.test(text) ? "" : ".");

/** Messages of `/task 14 set …` and `/task 2014:3` (another programme). */
const lv = {
  setUsage: [
    "*Uzdevuma maiņa (sekretārs)*",
    "• `/task 14 set status partial` – statuss: `done` (izpildīts), `partial` (izpildīts daļēji), `ongoing` (pastāvīgi), `not_done` (nav izpildīts); `none` (`nav`) noņem uzdevuma statusu (arī importēto; izmaiņa tiek reģistrēta)",
    "• virsrakstam (piem., 10) statusu veido apakšuzdevumi: mainiet tos (`/task 10.1.1 set status …`)",
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
    `„${value}” nav statuss. Der: \`done\`, \`partial\`, \`ongoing\`, \`not_done\` (vai „izpildīts”, „izpildīts daļēji”, „pastāvīgi”, „nav izpildīts”); \`none\` vai \`nav\` statusu noņem.`,
  badDeadline: (value: string) =>
    `„${value}” nav termiņš. Rakstiet datumu (\`2027-06-30\`, \`30.06.2027.\`), gadu (\`2027.gads\`), \`regulāri\` vai \`ikgadēji\`.`,
  refusal: (who: string) =>
    `Atvainojiet, mainīt uzdevumus var tikai sekretārs${who ? ` (${who})` : ""}.`,
  /**
   * What to do instead, under {@link refusal}: ask the secretary; `/role list` shows who they are
   * only when the refusal named none (`named` false), as the other refusals (src/i18n/role.ts).
   */
  refusalHint: (named: boolean) =>
    `Ja izmaiņa ir vajadzīga, lūdziet sekretariātu${named ? "" : " (kam ir sekretāra loma, var uzzināt ar `/role list`)"} to ievest; daudz izmaiņu reizē var ievest ar izklājlapu.`,
  fields: { status: "statuss", deadline: "termiņš" },
  changed: (number: string, field: string, before: string, after: string) =>
    `Uzdevums *${number}*: ${field} ${before} → *${after}*${stop(after)}`,
  unchanged: (number: string, field: string, value: string) =>
    `Uzdevumam *${number}* ${field} jau ir ${value}; nekas nav mainīts.`,
  none: "nav",
  noneAlready: (number: string) => `Uzdevumam *${number}* sava statusa nav; nekas nav mainīts.`,
  headingRefused: (number: string, counts: string, subTasks: string, example: string) =>
    `*${number}* ir virsraksts: tā statusu veido apakšuzdevumi (${counts}), tāpēc savu statusu tam neuzliek; nekas nav mainīts. Mainiet apakšuzdevuma statusu, piemēram, \`/task ${example} set status …\`. Apakšuzdevumi: ${subTasks}.`,
  parentOwnStatus: (number: string, counts: string, subTasks: string) =>
    `*${number}* ir apakšuzdevumi (${subTasks}: ${counts}); tiek rādīts šis paša uzdevuma statuss, nevis to kopsavilkums. Kopsavilkumu atkal rādīs pēc \`/task ${number} set status none\`.`,
  headingRolledUp: (counts: string) => `Tā statusu veido apakšuzdevumi: ${counts}.`,
  andMore: (names: string, more: number) => `${names} un vēl ${more}`,
  historyHint: (ref: string) => `Vēsture: \`/task ${ref} history\``,
  noSuchProgramme: (ref: string, codes: string) =>
    `Programmas „${ref}” nav. Programmas: ${codes} (\`/programme list\`).`,
  ...dateInputText("lv"),
};

const en: typeof lv = {
  setUsage: [
    "*Changing a task (secretary)*",
    "• `/task 14 set status partial` – status: `done`, `partial`, `ongoing`, `not_done`; `none` clears the task's status (an imported one too; the change is audited)",
    "• a heading's (e.g. 10) status is rolled up from its sub-tasks: change those (`/task 10.1.1 set status …`)",
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
    `“${value}” is not a status. Use \`done\`, \`partial\`, \`ongoing\` or \`not_done\`; \`none\` clears it.`,
  badDeadline: (value) =>
    `“${value}” is not a deadline. Write a date (\`2027-06-30\`, \`30.06.2027.\`), a year (\`2027.gads\`), \`regulāri\` or \`ikgadēji\`.`,
  refusal: (who) => `Sorry, only the secretary can change tasks${who ? ` (${who})` : ""}.`,
  refusalHint: (named) =>
    `If a change is needed, write to the secretary${named ? "" : " (`/role list` shows who they are)"}; many changes at once the secretary can bring in by spreadsheet.`,
  fields: { status: "status", deadline: "deadline" },
  changed: (number, field, before, after) =>
    `Task *${number}*: ${field} ${before} → *${after}*${stop(after)}`,
  unchanged: (number, field, value) =>
    `Task *${number}* already has ${field} ${value}; nothing changed.`,
  none: "none",
  noneAlready: (number) => `Task *${number}* has no status of its own; nothing changed.`,
  headingRefused: (number, counts, subTasks, example) =>
    `*${number}* is a heading: its status is rolled up from its sub-tasks (${counts}), so it takes no status of its own; nothing changed. Change a sub-task's status instead, e.g. \`/task ${example} set status …\`. Sub-tasks: ${subTasks}.`,
  parentOwnStatus: (number, counts, subTasks) =>
    `*${number}* has sub-tasks (${subTasks}: ${counts}); this task's own status is shown, not their roll-up. \`/task ${number} set status none\` shows the roll-up again.`,
  headingRolledUp: (counts) => `Its status is rolled up from its sub-tasks: ${counts}.`,
  andMore: (names, more) => `${names} and ${more} more`,
  historyHint: (ref) => `History: \`/task ${ref} history\``,
  noSuchProgramme: (ref, codes) =>
    `There is no programme “${ref}”. Programmes: ${codes} (\`/programme list\`).`,
  ...dateInputText("en"),
};

/** `/task … set` and programme-reference messages in `locale`. */
export const taskSetText = defineCatalog<typeof lv>({ lv, en });
