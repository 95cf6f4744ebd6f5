/**
 * Lines of the App Home kept within a section (3,000 characters) without cutting them: lists of
 * task numbers and of institutions shortened, what is left out counted ("… un vēl 40").
 * Pure; used by src/slack/render-home.ts.
 */
import type { Locale } from "../config.ts";
import { type InstitutionStanding, unansweredTasks } from "../digest/model.ts";
import { digestText } from "../i18n/digest.ts";
import { homeText } from "../i18n/home.ts";
import { SECTION_TEXT_MAX } from "./block-limits.ts";

/**
 * "IEM (5, 14; nepārbaudīta atbilde: 5)": as the digest's entry (src/digest/document.ts). With
 * `cap`, each list names at most `cap` numbers and counts the rest ("5, 14 … un vēl 40").
 */
export function notAnsweredEntry(i: InstitutionStanding, locale: Locale, cap = Infinity): string {
  const more = homeText(locale).moreNumbers;
  const capped = (numbers: readonly string[]) =>
    numbers.length <= cap
      ? [...numbers]
      : [...numbers.slice(0, cap - 1), `${numbers[cap - 1]} ${more(numbers.length - cap)}`];
  const note =
    i.unverified.length > 0
      ? `; ${digestText(locale).unverifiedReplies(capped(i.unverified))}`
      : "";
  return `${i.code} (${capped(unansweredTasks(i)).join(", ")}${note})`;
}

/**
 * `line(entries)` with every institution of `list` as {@link notAnsweredEntry}, "; "-joined, within
 * a section (3,000 characters): whole when it fits, else each entry's numbers capped at the most
 * that fit (at least one, the rest counted), and only when even that does not fit, institutions
 * listed as far as they fit and the rest counted ("… un vēl 3 institūcijas"). Never cut.
 */
export function fitEntries(
  list: readonly InstitutionStanding[],
  locale: Locale,
  line: (entries: string) => string,
): string {
  const at = (cap: number, shown = list.length) => {
    const entries = list.slice(0, shown).map((i) => notAnsweredEntry(i, locale, cap));
    const left = list.length - shown;
    return line(
      `${entries.join("; ")}${left > 0 ? ` ${homeText(locale).moreInstitutions(left)}` : ""}`,
    );
  };
  const whole = at(Infinity);
  if (whole.length <= SECTION_TEXT_MAX) return whole;
  // The largest cap that fits, by halving (longest list: the most a cap can usefully be).
  let lo = 1;
  let hi = Math.max(
    1,
    ...list.map((i) => Math.max(unansweredTasks(i).length, i.unverified.length)),
  );
  if (at(lo).length <= SECTION_TEXT_MAX) {
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (at(mid).length <= SECTION_TEXT_MAX) lo = mid;
      else hi = mid - 1;
    }
    return at(lo);
  }
  let shown = list.length - 1;
  while (shown > 0 && at(1, shown).length > SECTION_TEXT_MAX) shown--;
  return at(1, shown);
}

/**
 * `line(list)` with `numbers` listed ("5, 14, 18") as far as the line stays within a section
 * (3,000 characters), those left out counted by `more` ("… un vēl 40"), so the line's end —
 * where a late reply goes — is never cut. Every number when they fit.
 */
export function fitNumbers(
  numbers: readonly string[],
  more: (left: number) => string,
  line: (list: string) => string,
): string {
  const whole = line(numbers.join(", "));
  if (whole.length <= SECTION_TEXT_MAX) return whole;
  const room = SECTION_TEXT_MAX - line("").length - more(numbers.length).length - 1;
  let size = 0;
  let used = 0;
  for (const n of numbers) {
    const add = (used === 0 ? 0 : 2) + n.length;
    if (size + add > room) break;
    size += add;
    used++;
  }
  return line(`${numbers.slice(0, used).join(", ")} ${more(numbers.length - used)}`);
}
