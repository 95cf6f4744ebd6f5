import type { Section } from "../domain/types.ts";
import { squash } from "./text.ts";

/** Most fragments one word may have been split into ("va lst s" → "valsts"). */
const MAX_FRAGMENTS = 4;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of `text` (letters and digits), for {@link despace}. */
export function vocabulary(text: string): Set<string> {
  return new Set(text.toLocaleLowerCase("lv").match(WORD) ?? []);
}

/** The letters and digits of a fragment, lower-cased ("izsardzības," → "izsardzības"). */
function core(fragment: string): string {
  return (fragment.toLocaleLowerCase("lv").match(WORD) ?? []).join("");
}

/**
 * Re-joins words the PDF extraction spaced apart in headings set in spaced type ("Normat īvo
 * aktu" → "Normatīvo aktu", "Ties ība izsardzības" → "Tiesībaizsardzības"): at each fragment,
 * the longest run of up to four fragments whose joined letters are a word the report uses
 * elsewhere is taken as one word. A run that makes no known word is left as it is, so a
 * heading is never worse than printed.
 */
export function despace(text: string, words: ReadonlySet<string>): string {
  const fragments = squash(text).split(" ");
  const out: string[] = [];
  for (let i = 0; i < fragments.length; ) {
    let taken = 1;
    for (let n = Math.min(MAX_FRAGMENTS, fragments.length - i); n >= 2; n--) {
      const run = fragments.slice(i, i + n);
      if (words.has(run.map(core).join(""))) {
        taken = n;
        break;
      }
    }
    out.push(fragments.slice(i, i + taken).join(""));
    i += taken;
  }
  return out.join(" ");
}

/**
 * Section titles from the annex's section header lines ("I  Datu apkopošana,  pētnieciskais
 * darbs", "II Normat īvo aktu pilnveidošana"): the numeral dropped, spaced-apart words re-joined
 * against the words of the whole report (`reportText`). The first heading of each section wins.
 */
export function sectionTitles(
  headings: ReadonlyArray<{ section: Section; heading: string }>,
  reportText: string,
): Partial<Record<Section, string>> {
  const words = vocabulary(reportText);
  const titles: Partial<Record<Section, string>> = {};
  for (const { section, heading } of headings) {
    const rest = squash(heading).replace(/^[IVX]+\s+/u, "");
    if (titles[section] === undefined && rest !== "") titles[section] = despace(rest, words);
  }
  return titles;
}
