/**
 * Commander's usage errors in the console's language. Commander (14.x) words them in English
 * (`error: unknown option '--bogus'`) and passes them to `configureOutput().outputError` before
 * the help; each known form is read back and said again from the catalogue. A message of
 * another form (a later commander's) is left as it is, so nothing is ever swallowed.
 * Source of the forms: commander's lib/command.js (unknownOption, unknownCommand,
 * missingArgument, optionMissingArgument, missingMandatoryOptionValue, _excessArguments, the
 * option `invalidArgument` for `.choices()` and for an option's own parser) and lib/suggestSimilar.js ("Did you mean").
 */
import type { Locale } from "../config.ts";
import { type ConsoleText, consoleText } from "../i18n/cli-console.ts";

type Usage = ConsoleText["usage"];

/** One known form: its pattern and how to say it from the match. */
const FORMS: Array<[RegExp, (m: RegExpExecArray, t: Usage) => string]> = [
  [/^error: unknown option '(.+)'$/, (m, t) => t.unknownOption(m[1] ?? "")],
  [/^error: unknown command '(.+)'$/, (m, t) => t.unknownCommand(m[1] ?? "")],
  [/^error: missing required argument '(.+)'$/, (m, t) => t.missingArgument(m[1] ?? "")],
  [/^error: option '(.+)' argument missing$/, (m, t) => t.optionMissingValue(m[1] ?? "")],
  [/^error: required option '(.+)' not specified$/, (m, t) => t.missingOption(m[1] ?? "")],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (m, t) => t.invalidChoice(m[1] ?? "", m[2] ?? "", m[3] ?? ""),
  ],
  // An option's own parser refused the value (`cutoffIdOption`): its message is already in the
  // console's language, so it is said alone, without commander's English frame.
  [/^error: option '.+' argument '.*' is invalid\. (.+)$/, (m) => m[1] ?? ""],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, t) => t.tooManyArguments(m[1] ?? null, Number(m[2]), Number(m[3])),
  ],
];

/** "(Did you mean --json?)", "(Did you mean one of add, list?)" → the names suggested. */
const SUGGESTION = /^\(Did you mean (?:one of )?(.+)\?\)$/;

/**
 * `text` (what commander passes to `outputError`: its message and a newline, the message
 * perhaps followed by a "Did you mean" line) in `locale`; unknown forms unchanged.
 */
export function usageErrorText(text: string, locale: Locale): string {
  const t = consoleText(locale).usage;
  const [first = "", ...rest] = text.replace(/\n$/, "").split("\n");
  const form = FORMS.map(([re, say]) => [re.exec(first), say] as const).find(([m]) => m);
  if (!form?.[0]) return text;
  const lines = [form[1](form[0], t)];
  for (const line of rest) {
    const suggested = SUGGESTION.exec(line);
    lines.push(suggested ? t.didYouMean((suggested[1] ?? "").split(", ")) : line);
  }
  return `${lines.join("\n")}\n`;
}
