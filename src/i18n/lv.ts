import { lvPlural } from "./define.ts";

/**
 * Latvian catalogue: the default voice of the app. Every message a person sees is here (and
 * in `en.ts`, which must have the same shape). Counts take {@link lvPlural}: the singular after
 * 1, 21, 31, … (not 11), else the nominative plural ("10 uzdevumi", "11 uzdevumi").
 */
export const lv = {
  localeTag: "lv",
  status: {
    done: "Izpildīts",
    partial: "Izpildīts daļēji",
    not_done: "Nav izpildīts",
    ongoing: "Pastāvīgi",
    none: "Bez statusa",
  },
  role: { responsible: "Atbildīgā institūcija", co_responsible: "Līdzatbildīgās institūcijas" },
  sections: {
    I: "Datu apkopošana, pētnieciskais darbs",
    II: "Normatīvo aktu pilnveidošana",
    III: "Preventīvo pasākumu īstenošana",
    IV: "Sadarbības starp valsts iestādēm un nevalstiskajām organizācijām pilnveidošana",
    V: "Tiesībaizsardzības iestāžu darbības uzlabošana",
  } as Record<string, string>,
  recurrence: { recurring: "regulāri", annual: "katru gadu" },
  task: {
    heading: (number: string, title: string) => `${number}. ${title}`,
    deadline: "Izpildes termiņš",
    overdue: "nokavēts",
    status: "Statuss",
    section: "Rīcības virziens",
    indicator: "Rezultatīvais rādītājs",
    progress: "Izpildes gaita",
    noProgress: "Izpildes gaita nav aprakstīta.",
    noIndicator: "Rezultatīvais rādītājs nav norādīts.",
    subtasks: "Apakšuzdevumi",
    seeSubtasks: "Sk. apakšuzdevumus",
    parentTask: (number: string) => `Daļa no uzdevuma ${number}`,
    programme: (code: string) => `Programma ${code}`,
    showProgress: "Rādīt visu izpildes gaitu",
    share: "Kopīgot kanālā",
    sharedBy: (user: string) => `Kopīgoja <@${user}>`,
    progressModalTitle: (number: string) => `Uzdevums ${number}`,
    progressPart: (part: number, parts: number) => `${part}. daļa no ${parts}`,
    close: "Aizvērt",
    fallback: (number: string, title: string) => `Uzdevums ${number}: ${title}`,
  },
  overview: {
    title: "Uzdevumi: /task",
    /** `codes`: the institutions with tasks in the programme shown, "LM, IEM, …" (may be empty). */
    usage: (codes: string) =>
      [
        "*Kā lietot*",
        "• `/task 14` vai `/task 10.1.2` – uzdevuma statuss, izpildes termiņš un izpildes gaita",
        `• \`/task IEM\` – institūcijas uzdevumi${codes ? ` (institūcijas ar uzdevumiem šajā programmā: ${codes})` : ""}`,
        "• `/task 14 history` (vai `vēsture`) – uzdevuma izmaiņu vēsture, jaunākās vispirms; `/task 14 history 2` – vecākās (2. lapa)",
        "• `/task 2009-2013:14` – uzdevums citā programmā (kods vai tā sākums, piem., `2009:14`; sk. `/programme list`)",
        "• `/task 14 set status partial` – mainīt statusu (`done`, `partial`, `ongoing`, `not_done`); `/task 14 set deadline 2027-06-30` – izpildes termiņu (arī `2027.gads`, `regulāri`, `ikgadēji`). Tikai sekretārs",
        "• `/task help` – šī palīdzība",
      ].join("\n"),
    counts: "Statuss",
    /**
     * The programme's size as the README gives it: `n` tasks (rows under no other task) and
     * `subtasks` rows under them, "26 uzdevumi un 9 apakšuzdevumi"; none under: "26 uzdevumi".
     */
    tasks: (n: number, subtasks = 0) =>
      `${n} ${lvPlural(n, "uzdevums", "uzdevumi")}${subtasks > 0 ? ` un ${subtasks} ${lvPlural(subtasks, "apakšuzdevums", "apakšuzdevumi")}` : ""}`,
    list: "Visi uzdevumi",
    noProgramme:
      "Programma vēl nav importēta. Sekretārs to var importēt ar `koordinators import &lt;fails&gt;`.",
  },
  institution: {
    heading: (code: string, name: string) => `${code} – ${name}`,
    summary: (responsible: number, co: number) =>
      `Atbildīgā: ${responsible} · līdzatbildīgā: ${co}`,
    none: "Šai institūcijai programmā nav uzdevumu.",
    /**
     * Under `none` (`/task Patvērums „Drošā māja”`, an institution with no tasks): what `/task`
     * takes, the institutions that have tasks (`codes`, comma-separated) and where this one's
     * channel and contacts are (`/institution <code>`).
     */
    noneHint: (code: string, codes: string) =>
      `\`/task\` rāda uzdevumu pēc tā numura (piemēram, \`/task 14\`) vai institūcijas uzdevumus (piemēram, \`/task IEM\`); uzdevumi ir institūcijām ${codes}. Šīs institūcijas kanālu un kontaktpersonas rāda \`/institution ${code}\`.`,
    responsibleMark: "atbildīgā",
    coMark: "līdzatbildīgā",
    alsoMeant: (alternatives: Array<{ code: string; name: string }>) =>
      `Vai domājāt ${alternatives.map((a) => `*${a.code}* (${a.name}) – \`/task ${a.code}\``).join(" vai ")}?`,
  },
  errors: {
    taskNotFound: (number: string, nearest: string | null) =>
      `Uzdevuma *${number}* programmā nav.${nearest ? ` Varbūt domājāt *${nearest}*?` : ""}`,
    /**
     * `/task 5,14` when 5.14 is no task but 5 and 14 both are (as a reply's "5,14: …" is read,
     * src/domain/decimal-tasks.ts): the two tasks and how to see each.
     */
    taskNotFoundPair: (number: string, first: string, second: string) =>
      `Uzdevuma *${number}* programmā nav. Varbūt domājāt *${first}* un *${second}*? \`/task ${first}\`, \`/task ${second}\``,
    /**
     * How the programme numbers its tasks (commands/task-suggest.ts numberOutline): "Programmas
     * uzdevumi ir numurēti no 1 līdz 26; dažiem ir apakšuzdevumi, piemēram, 10.1 vai 10.1.1."
     */
    numbersExist: (o: { first: string | null; last: string | null; subtaskExamples: string[] }) =>
      o.first === null || o.last === null
        ? "Programmā vēl nav uzdevumu."
        : `${o.first === o.last ? `Programmā ir uzdevums ${o.first}` : `Programmas uzdevumi ir numurēti no ${o.first} līdz ${o.last}`}${o.subtaskExamples.length > 0 ? `; ${o.first === o.last ? "tam" : "dažiem"} ir apakšuzdevumi, piemēram, ${o.subtaskExamples.join(" vai ")}` : ""}.`,
    notUnderstood: (arg: string) =>
      `Nesapratu „${arg}”. Norādiet uzdevuma numuru (piemēram, \`/task 14\`) vai institūcijas saīsinājumu (piemēram, \`/task IEM\`).`,
    tooLong: (length: number, max: number) =>
      `Teksts ir par garu (${length} ${lvPlural(length, "rakstzīme", "rakstzīmes")}; ne vairāk kā ${max}). Norādiet uzdevuma numuru, piemēram, \`/task 14\`.`,
    knownInstitutions: (codes: string) => `Institūcijas: ${codes}.`,
    didYouMean: (codes: string[]) => `Varbūt domājāt ${codes.map((c) => `*${c}*`).join(" vai ")}?`,
    storeBusy: "Krātuve šobrīd neatbild. Mēģiniet vēlreiz pēc brīža.",
    unexpected: "Diemžēl radās kļūda. Tā ir reģistrēta; mēģiniet vēlreiz pēc brīža.",
  },
};
