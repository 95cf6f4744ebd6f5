/**
 * Which task numbers a reply's decimal comma may be read as (README "Replies"): "13,3: …" is
 * task 13.3 when 13.3 is a task of the thread's scope or of its programme, so a reply to a
 * thread that does not ask 13.3 is told 13.3 is not asked here, not "13 and 3"; "5,14: …" (5.14
 * no task anywhere) is the list of 5 and 14, as "5, 14: …" is. Pure; the programme's numbers
 * are read by the caller (src/replies/ingest.ts), only when {@link needsProgramme} says so.
 */
import { decimalComma } from "./ascii-digits.ts";
import { visibleText } from "./visible-text.ts";

/**
 * The numbers the "N,M" commas where a reply's task number stands (before its first colon,
 * dash, line break or "; ") would be read as: "13,3: …; 5,14: …" → ["13.3"], "14: 2,5 miljoni"
 * → [], ASCII digits, no leading zeros ("05,14" → "5.14"). "N,0…" is left out: it is always
 * read as N.0 (attribution.ts readLead), whatever the tasks. Pure; never throws.
 */
export function commaDecimals(typed: string): string[] {
  const visible = visibleText(typed);
  const end = visible.search(/\n|[;؛；]\s|[:：–—]/u);
  const found: string[] = [];
  decimalComma(end < 0 ? visible : visible.slice(0, end), (n) => {
    if (!/^\d+\.0/u.test(n)) found.push(n.replace(/^0+(?=\d)/, ""));
    return true;
  });
  return found;
}

/**
 * True when a reply has an "N,M" ({@link commaDecimals}) whose N.M is none of `scope` (the
 * thread's task numbers): only then does its reading need the programme's task numbers.
 */
export function needsProgramme(typed: string, scope: readonly string[]): boolean {
  return commaDecimals(typed).some((n) => !scope.includes(n));
}

/**
 * The task numbers a reply's "N,M" is read as N.M by (the `known` of attribution.ts's readers):
 * `scope` and the numbers of `programme` (every task number of the cut-off's programme), except
 * a programme's "N.M" outside the scope whose N and M the scope both asks ("13,3: …" in a
 * thread asking 13 and 3 stays their list, as before). Pure; never throws.
 */
export function decimalTasks(scope: readonly string[], programme: readonly string[]): string[] {
  const bothAsked = (n: string) => {
    const parts = n.split(".");
    return parts.length === 2 && parts.every((p) => scope.includes(p));
  };
  return [...scope, ...programme.filter((n) => !scope.includes(n) && !bothAsked(n))];
}
