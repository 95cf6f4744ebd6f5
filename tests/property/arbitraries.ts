/** Arbitrary user text for the property suites (fast-check arbitraries). */
import fc from "fast-check";

/** Words the commands know, Slack's escaped mentions, dates, times, numbers, and noise. */
const WORDS = [
  "add",
  "remove",
  "move",
  "plan",
  "list",
  "set",
  "show",
  "away",
  "help",
  "use",
  "since",
  "history",
  "status",
  "deadline",
  "--tasks",
  "--since",
  "1,5,14",
  "14",
  "10.1.2",
  "0",
  "9999",
  "-1",
  "IEM",
  "iem",
  "ĀM",
  "AiM",
  "<#C0123ABC|iem>",
  "<@U0ANNA>",
  "<@W0X|anna>",
  "&lt;",
  "&amp;",
  "2027-02-01",
  "31.02.2013.",
  "01.12.2009.",
  "2013.",
  "gada",
  "8.",
  "martā",
  "10:00",
  "24:00",
  "03:30",
  "šodien",
  "rīt",
  "partial",
  "done",
  "*",
  "_",
  "`",
  ":",
  "\u0000",
  "\u202e",
  "🙂",
  "",
];

/** Sentences of the commands' own words, spaced oddly. */
export const nearMiss = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).chain((words) =>
  fc
    .array(fc.constantFrom(" ", "  ", "\n", "\t", ""), {
      minLength: words.length,
      maxLength: words.length,
    })
    .map((gaps) => words.map((w, i) => `${w}${gaps[i] ?? " "}`).join("")),
);

/** Arbitrary user text: any Unicode, ASCII noise, or sentences of the commands' own words. */
export const userText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ maxLength: 2_000 }),
  nearMiss,
);
