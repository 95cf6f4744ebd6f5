import type { ImportedInstitution } from "../domain/types.ts";
import type { AbbreviationEntry } from "./abbreviations.ts";
import { squash } from "./text.ts";

/**
 * Nouns that make a name a body (nominative singular: "Ārlietu ministrija", "Valsts policija",
 * "Biedrība „Patvērums…”", "… Darba grupa …"). The list also holds laws (KL), documents
 * (Direktīva 2011/36/ES, Programma), countries (ASV), unions of states (ES: used as a
 * jurisdiction, "ES pilsoņiem"), terms (Nr.) and an information system (TIS); none of their
 * names has such a noun ("padomes" in the directive's name is genitive), so they are dropped.
 */
const BODY_NOUNS = new Set([
  "administrācija",
  "aģentūra",
  "akadēmija",
  "apvienība",
  "asociācija",
  "biedrība",
  "birojs",
  "centrs",
  "departaments",
  "dienests",
  "dome",
  "grupa",
  "inspekcija",
  "institūts",
  "kabinets",
  "koledža",
  "komisija",
  "komiteja",
  "ministrija",
  "organizācija",
  "padome",
  "policija",
  "prokuratūra",
  "pārvalde",
  "robežsardze",
  "tiesa",
]);

/** Entries with a body noun that are still not one body; code → why. */
const GENERIC_TERMS: ReadonlyMap<string, string> = new Map([
  ["NVO", "“Nevalstiskā organizācija”: any non-governmental organisation, not a particular one"],
]);

/** Whether an abbreviation-list entry is a body that can take part in a task (see BODY_NOUNS). */
export function isBody(entry: AbbreviationEntry): boolean {
  if (GENERIC_TERMS.has(entry.code)) return false;
  return entry.name
    .toLocaleLowerCase("lv")
    .split(/[^\p{L}]+/u)
    .some((word) => BODY_NOUNS.has(word));
}

/**
 * Other spellings of listed codes: the annex writes "IeM" and "IzM"; the report's text writes
 * "VP GKrPP ONAP" (the list: "VP GKRPP ONAP"), "NVO „Patvērums „Drošā māja””", "RCS „Marta”".
 */
const LIST_ALIASES: Readonly<Record<string, readonly string[]>> = {
  IEM: ["IeM"],
  IZM: ["IzM"],
  "VP GKRPP ONAP": ["VP GKrPP ONAP"],
  "Patvērums „Drošā māja”": [
    "NVO „Patvērums „Drošā māja””",
    "biedrība „Patvērums „Drošā māja””",
    "Drošā māja",
  ],
  "RCS Marta": ["RCS „Marta”", "Resursu centrs sievietēm „Marta”"],
};

/**
 * Bodies the report names outside its list, added when the text mentions them:
 * - AiM: the Ministry of Defence. The introduction calls it "AiM"; the annex prints "AM"
 *   (task 13.2, military personnel), which is not ĀM (Ārlietu ministrija).
 * - GP: Ģenerālprokuratūra (Prosecutor General's Office), named in progress narratives.
 * - RD: Rīgas dome (Riga City Council), named in progress narratives ("RD Sociālās…").
 */
const EXTRA_BODIES: ReadonlyArray<ImportedInstitution & { mentioned: RegExp }> = [
  {
    code: "AiM",
    name: "Aizsardzības ministrija",
    aliases: ["AM"],
    mentioned: /\bA[iI]?M\b|Aizsardzības ministrij/u,
  },
  {
    code: "GP",
    name: "Ģenerālprokuratūra",
    aliases: ["Ģenerālprokuratūra"],
    mentioned: /Ģenerālprokuratūr/u,
  },
  { code: "RD", name: "Rīgas dome", aliases: ["Rīgas dome"], mentioned: /Rīgas dom/u },
];

/**
 * The report's institutions: the list's bodies in printed order with their aliases, then the
 * {@link EXTRA_BODIES} that `reportText` mentions and the list does not define.
 */
export function buildInstitutions(
  entries: readonly AbbreviationEntry[],
  reportText: string,
): ImportedInstitution[] {
  const listed: ImportedInstitution[] = entries
    .filter(isBody)
    .map((e) => ({ code: e.code, name: e.name, aliases: [...(LIST_ALIASES[e.code] ?? [])] }));
  const extras = EXTRA_BODIES.filter(
    (x) => x.mentioned.test(reportText) && resolveInstitution(x.code, listed) === undefined,
  ).map(({ code, name, aliases }) => ({ code, name, aliases: [...aliases] }));
  return [...listed, ...extras];
}

/** Comparison key: whitespace squashed, typographic quotes made plain, lower case. */
const key = (text: string) =>
  squash(text)
    .replace(/[„“”«»]/gu, '"')
    .toLocaleLowerCase("lv");

/**
 * Finds an institution by code, alias or full name, ignoring case, spacing and quote style:
 * "iem", "IeM" → IEM; "AM" → AiM (Defence); "ām" → ĀM (Foreign Affairs);
 * `Patvērums "Drošā māja"` → the list's entry. `undefined` when nothing matches.
 */
export function resolveInstitution(
  codeOrAlias: string,
  institutions: readonly ImportedInstitution[],
): ImportedInstitution | undefined {
  const wanted = key(codeOrAlias);
  if (wanted === "") return undefined;
  return (
    institutions.find((i) => key(i.code) === wanted) ??
    institutions.find((i) => i.aliases.some((a) => key(a) === wanted)) ??
    institutions.find((i) => key(i.name) === wanted)
  );
}

/**
 * Reads the institutions column's first line as it comes out of the PDF: codes, comma-separated,
 * then the start of the result indicator ("LM, IzM, IeM Uzdevums ir", "ĀM"). Every indicator in
 * the annex opens with "Uzdevums…"/"Uzdevuma…", which is where the codes end. Returns the codes
 * as printed and the rest, or `null` when the line is not such a line.
 */
export function readInstitutionsCell(
  text: string,
  institutions: readonly ImportedInstitution[],
): { codes: string[]; rest: string } | null {
  const match = /^(.*?)(?:\s+(Uzdevum.*))?$/u.exec(squash(text));
  if (!match) return null;
  const codes = (match[1] ?? "").split(/\s*,\s*/u);
  const known = codes.every(
    (c) => /^\p{Lu}/u.test(c) && resolveInstitution(c, institutions) !== undefined,
  );
  return known ? { codes, rest: match[2] ?? "" } : null;
}
