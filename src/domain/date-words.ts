/**
 * The Latvian words that, after a bare "N." starting a reply, make it a date or an ordinal
 * rather than a task number ("5. decembrī notika …", "2. ceturksnī …"): read by attribution.ts
 * (isDateOrCount). README "Replies".
 */

/**
 * Latvian months and the units an ordinal counts, in any case and capitalisation, as a whole
 * word: after "N." they make a date ("5. decembrī") or an ordinal ("2. ceturksnī", "3.
 * lasījumā", "5. panta"), never a task.
 */
export const NOT_A_TASK_WORD = new RegExp(
  `^(?:${[
    `(?:janvār|februār|aprīl|septembr|oktobr|novembr|decembr)(?:is|a|im|i|ī|u)`,
    `(?:mart|maij|jūnij|jūlij|august)(?:s|a|am|u|ā)`,
    `ceturksn(?:is|im|i|ī)|ceturkšņ(?:a|i|os|us|iem|u)`,
    `mēnes(?:is|im|i|ī)|mēneš(?:a|i|os|us|iem|u)`,
    `(?:pus)?gad(?:s|a|am|u|ā|i|os|iem|us)`,
    `(?:posm|lasījum|pant|kurs|stāv|semestr|līmen)(?:s|is|a|am|im|u|ā|ī|i|os|iem|us)`,
    `(?:nedēļ|dien|viet|kārt|sesij|daļ|nodaļ|redakcij|versij|grup)(?:a|as|ai|u|ā|ām|ās|s)`,
    `(?:reiz|klas|sēd)(?:e|es|ei|i|ē|ēm|ēs)`,
  ].join("|")})$`,
  "iu",
);
