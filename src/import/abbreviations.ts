import { ReportFormatError } from "./errors.ts";
import type { SourceLine } from "./source-lines.ts";
import { squash } from "./text.ts";

/** Heading of the report's abbreviation list and the heading that ends it. */
export const ABBREVIATIONS_HEADING = "IZMANTOTIE SAĪSINĀJUMI";
const LIST_END = "IEVADS";

/** One entry of the abbreviation list, as printed: code and full Latvian name. */
export interface AbbreviationEntry {
  /** As printed: "IEM", "VP GKrPP", "RCS Marta", "Patvērums „Drošā māja”". */
  code: string;
  /** Full name: "Iekšlietu ministrija". */
  name: string;
  /** 1-based line of the entry's first line. */
  line: number;
}

/**
 * Finds the abbreviation list: physical lines strictly between the heading
 * "IZMANTOTIE SAĪSINĀJUMI" and the next "IEVADS" (introduction) heading, as indices.
 * @throws ReportFormatError `ABBREVIATIONS_NOT_FOUND` when either heading is missing.
 */
export function locateAbbreviations(physical: readonly string[]): { start: number; end: number } {
  const heading = physical.findIndex((l) => squash(l).toUpperCase() === ABBREVIATIONS_HEADING);
  if (heading === -1) {
    throw new ReportFormatError(
      "ABBREVIATIONS_NOT_FOUND",
      `abbreviation list "${ABBREVIATIONS_HEADING}" not found`,
      null,
      { kind: "no_abbreviations", heading: ABBREVIATIONS_HEADING },
    );
  }
  const end = physical.findIndex((l, i) => i > heading && squash(l).toUpperCase() === LIST_END);
  if (end === -1) {
    throw new ReportFormatError(
      "ABBREVIATIONS_NOT_FOUND",
      `abbreviation list: heading "${LIST_END}" that ends it not found after it`,
      heading + 1,
      { kind: "abbreviations_unended", heading: ABBREVIATIONS_HEADING, end: LIST_END },
    );
  }
  return { start: heading + 1, end };
}

const capitals = (token: string) => token.match(/\p{Lu}/gu)?.length ?? 0;
/** An abbreviation: two or more capitals ("ANO", "ĀM", "GKrPP", "TF-THB") or a dotted form ("Nr."). */
const isAbbreviation = (token: string) =>
  capitals(token) >= 2 || /^\p{Lu}\p{Ll}{0,3}\.$/u.test(token);
const bare = (token: string) => token.replace(/[„“”"«»(),;:]/gu, "");
const tokensOf = (text: string) =>
  squash(text)
    .split(" ")
    .filter((t) => t !== "");

/**
 * Whether line `i` starts an entry. Entries wrap over lines, and some wrapped lines start with a
 * capital ("Starptautiskās sadarbības birojs", "Biedrība „Patvērums…”"), so a line starts an
 * entry when its first word is an abbreviation, or when it is a capitalised word the entry
 * repeats in its name ("Programma Programma cilvēku…", "Patvērums „Drošā / māja” / Biedrība
 * „Patvērums…”", "Direktīva 2011/36/ES … Direktīva 2011/36/ES par…").
 */
function startsEntry(lines: readonly SourceLine[], i: number): boolean {
  const [first = "", ...rest] = tokensOf(lines[i]?.text ?? "");
  if (!/^\p{Lu}/u.test(first)) return false;
  if (isAbbreviation(first)) return true;
  const window = [...rest];
  for (let j = i + 1; j < lines.length; j++) {
    const next = tokensOf(lines[j]?.text ?? "");
    if (next[0] !== undefined && /^\p{Lu}/u.test(next[0]) && isAbbreviation(next[0])) break;
    window.push(...next);
  }
  return window.map(bare).includes(bare(first));
}

/**
 * Splits an entry into code and name: the first word is the code; following words belong to it
 * while they are abbreviations ("VP GKrPP EPP", "Direktīva 2011/36/ES") or words the name
 * repeats ("RCS Marta" ← "…sievietēm „Marta””"). At least one word is left for the name.
 */
function splitEntry(text: string): { code: string; name: string } {
  const tokens = tokensOf(text);
  let k = 1;
  while (k < tokens.length - 1) {
    const token = tokens[k] ?? "";
    const later = tokens.slice(k + 1).map(bare);
    if (!(isAbbreviation(token) || later.includes(bare(token)))) break;
    k++;
  }
  return { code: tokens.slice(0, k).join(" "), name: tokens.slice(k).join(" ") };
}

/**
 * Reads the entries of the abbreviation list (lines from {@link locateAbbreviations}), in
 * printed order, wrapped lines joined. Entries that have no name are skipped.
 * Source: the report's "IZMANTOTIE SAĪSINĀJUMI" page.
 */
export function parseAbbreviations(lines: readonly SourceLine[]): AbbreviationEntry[] {
  const content = lines.filter((l) => !l.blank);
  const groups: Array<{ line: number; parts: string[] }> = [];
  content.forEach((line, i) => {
    const current = groups.at(-1);
    if (startsEntry(content, i) || !current) groups.push({ line: line.no, parts: [line.text] });
    else current.parts.push(line.text);
  });
  return groups
    .map((g) => ({ ...splitEntry(g.parts.join(" ")), line: g.line }))
    .filter((e) => e.name !== "");
}
