import { defineCatalog } from "./define.ts";

/** Messages of `/programme`. */
const lv = {
  title: "Programmas: /programme",
  usage: [
    "*Kā lietot*",
    "• `/programme list` – programmas un kura ir pašreizējā (skatīt var ikviens)",
    "• `/programme use 2014-2020` – uz kuru programmu atbild `/task 14` (sekretārs)",
    "Citas programmas uzdevums: `/task 2014:3`.",
  ].join("\n"),
  listHeading: "*Programmas*",
  line: (code: string, title: string, tasks: number, current: boolean) =>
    `• *${code}* – ${title} (${tasks} uzd.)${current ? " – *pašreizējā*" : ""}`,
  none: "Programmu vēl nav. Sekretārs tās importē ar `koordinators import`.",
  switched: (code: string, title: string) =>
    `Pašreizējā programma tagad ir *${code}* – ${title}. \`/task 14\` atbild par to.`,
  already: (code: string) => `*${code}* jau ir pašreizējā programma.`,
  notFound: (ref: string, codes: string) => `Programmas „${ref}” nav. Programmas: ${codes}.`,
  missingCode: "Norādiet programmas kodu, piemēram, `/programme use 2014-2020`.",
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  usageHint: "Palīdzība: `/programme help`",
  refusal: (who: string) =>
    `Atvainojiet, pašreizējo programmu var mainīt tikai sekretārs${who ? ` (${who})` : ""}.`,
};

const en: typeof lv = {
  title: "Programmes: /programme",
  usage: [
    "*How to use*",
    "• `/programme list` – the programmes and which is current (anyone may look)",
    "• `/programme use 2014-2020` – which programme `/task 14` answers for (secretary)",
    "Another programme's task: `/task 2014:3`.",
  ].join("\n"),
  listHeading: "*Programmes*",
  line: (code, title, tasks, current) =>
    `• *${code}* – ${title} (${tasks} tasks)${current ? " – *current*" : ""}`,
  none: "There are no programmes yet. The secretary imports them with `koordinators import`.",
  switched: (code, title) =>
    `The current programme is now *${code}* – ${title}. \`/task 14\` answers for it.`,
  already: (code) => `*${code}* already is the current programme.`,
  notFound: (ref, codes) => `There is no programme “${ref}”. Programmes: ${codes}.`,
  missingCode: "Give the programme's code, e.g. `/programme use 2014-2020`.",
  notUnderstood: (text) => `I did not understand “${text}”.`,
  usageHint: "Help: `/programme help`",
  refusal: (who) =>
    `Sorry, only the secretary can change the current programme${who ? ` (${who})` : ""}.`,
};

/** `/programme` messages in `locale`. */
export const programmeText = defineCatalog<typeof lv>({ lv, en });
