import { byCode, plainQuotes, unwrapQuotes } from "../src/domain/codes.ts";
import type { Institution } from "../src/domain/types.ts";
import type { Db } from "./client.ts";

function toInstitution(row: {
  id: number;
  code: string;
  name: string;
  aliases: string;
}): Institution {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
  };
}

/**
 * Every institution, by code in Latvian alphabetical order (`byCode`: "AiM, ĀM, IEM"; SQL's
 * `order by code` compares code points on both stores and puts ĀM after TM).
 */
export async function listInstitutions(db: Db): Promise<Institution[]> {
  const rows = await db.selectFrom("institutions").selectAll().execute();
  return rows.map(toInstitution).sort(byCode);
}

/**
 * The institutions with at least one task (responsible or co-responsible) in programme
 * `programmeId`, by code in Latvian alphabetical order: the ones `/task CODE` has something to
 * say about.
 */
export async function listInstitutionsWithTasks(
  db: Db,
  programmeId: number,
): Promise<Institution[]> {
  const rows = await db
    .selectFrom("institutions")
    .selectAll("institutions")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("task_institutions")
          .innerJoin("tasks", "tasks.id", "task_institutions.task_id")
          .select("task_institutions.task_id")
          .whereRef("task_institutions.institution_id", "=", "institutions.id")
          .where("tasks.programme_id", "=", programmeId),
      ),
    )
    .execute();
  return rows.map(toInstitution).sort(byCode);
}

/**
 * The institution whose code or one of whose aliases equals `codeOrAlias`, ignoring case
 * ("iem", "IeM" → IEM). An exact-case match wins over a case-insensitive one, so "AM"
 * (Defence, per the report's annex) is not confused with "ĀM" (Foreign Affairs). Last, quotes
 * of any style compare alike (`plainQuotes`): `Patvērums "Drošā māja"` or `Patvērums “Drošā
 * māja”` finds `Patvērums „Drošā māja”`, as typed on a keyboard or sent by a client. A code
 * only: a person's typed question is looked up with {@link findInstitutionOrName}.
 */
export async function findInstitution(
  db: Db,
  codeOrAlias: string,
): Promise<Institution | undefined> {
  return byCodeOrAlias(await listInstitutions(db), codeOrAlias.trim());
}

/**
 * The institution a person names (`/task`, `/calendar`, `/institution <code>`, the CLI's
 * `export calendar --institution`): by its code or an alias as {@link findInstitution} finds
 * them (exact, any case, quotes of any style alike), else by its full name in any case and
 * quote style, runs of whitespace as one space ("labklājības  ministrija" → LM). When the text
 * as typed names none and one pair of quotes wraps it whole (`"LM"`, `'LM'`, `«Labklājības
 * ministrija»`), the same without them (`unwrapQuotes`): a code with quotes of its own
 * (`Patvērums „Drošā māja”`) is found as typed first. So an exact code always wins: "AM" is
 * AiM, "ĀM" is ĀM. Only when nothing matched so, the full name (then the code or an alias) with
 * diacritics folded, if exactly one institution has it ("Labklajibas ministrija" → LM; see
 * `byFolded`). Undefined when none matches. One read of the institutions.
 */
export async function findInstitutionOrName(
  db: Db,
  query: string,
): Promise<Institution | undefined> {
  const typed = query.replace(/\s+/gu, " ").trim();
  if (typed === "") return undefined;
  const all = await listInstitutions(db);
  const bare = unwrapQuotes(typed);
  const texts = bare === typed ? [typed] : [typed, bare];
  for (const text of texts) {
    const found = byCodeOrAlias(all, text) ?? byName(all, text);
    if (found) return found;
  }
  for (const text of texts) {
    const found = byFolded(all, text);
    if (found) return found;
  }
  return undefined;
}

/**
 * `text` without Latvian diacritics (NFD, combining marks dropped), lower case, quotes plain,
 * runs of whitespace as one space: "Labklājības  ministrija" → "labklajibas ministrija".
 */
function fold(text: string): string {
  return plainQuotes(
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/\s+/gu, " ")
      .trim()
      .toLocaleLowerCase("lv"),
  );
}

/**
 * The last pass of {@link findInstitutionOrName}, once nothing matched as typed: the one
 * institution whose full name equals `wanted` with diacritics folded ("Labklajibas ministrija"
 * → LM), else the one whose code or an alias does. Only an unambiguous fold counts: "am" folds
 * to both AiM's alias AM and ĀM's code, so it finds neither here (the earlier passes read it).
 */
function byFolded(all: readonly Institution[], wanted: string): Institution | undefined {
  const key = fold(wanted);
  if (key === "") return undefined;
  const byFoldedName = all.filter((i) => fold(i.name) === key);
  if (byFoldedName.length === 1) return byFoldedName[0];
  if (byFoldedName.length > 1) return undefined;
  const byFoldedCode = all.filter(
    (i) => fold(i.code) === key || i.aliases.some((a) => fold(a) === key),
  );
  return byFoldedCode.length === 1 ? byFoldedCode[0] : undefined;
}

/** `findInstitution`'s passes over `all` for `wanted` (trimmed): exact, any case, any quotes. */
function byCodeOrAlias(all: readonly Institution[], wanted: string): Institution | undefined {
  if (wanted === "") return undefined;
  const exact = all.find((i) => i.code === wanted || i.aliases.includes(wanted));
  if (exact) return exact;
  const lower = wanted.toLocaleLowerCase("lv");
  const byCase = all.find(
    (i) =>
      i.code.toLocaleLowerCase("lv") === lower ||
      i.aliases.some((a) => a.toLocaleLowerCase("lv") === lower),
  );
  if (byCase) return byCase;
  const plain = plainQuotes(lower);
  const same = (text: string) => plainQuotes(text.toLocaleLowerCase("lv")) === plain;
  return all.find((i) => same(i.code) || i.aliases.some(same));
}

/** The institution in `all` whose full name is `wanted`'s, in any case and quote style. */
function byName(all: readonly Institution[], wanted: string): Institution | undefined {
  const key = (text: string) =>
    plainQuotes(text.replace(/\s+/gu, " ").trim().toLocaleLowerCase("lv"));
  const name = key(wanted);
  return name === "" ? undefined : all.find((i) => key(i.name) === name);
}

/** Inserts an institution; returns its id. */
export async function insertInstitution(
  db: Db,
  values: { code: string; name: string; aliases: string[]; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto("institutions")
    .values({
      code: values.code,
      name: values.name,
      aliases: JSON.stringify(values.aliases),
      created_at: values.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates an institution's name and aliases. */
export async function updateInstitution(
  db: Db,
  id: number,
  values: { name: string; aliases: string[] },
): Promise<void> {
  await db
    .updateTable("institutions")
    .set({ name: values.name, aliases: JSON.stringify(values.aliases) })
    .where("id", "=", id)
    .execute();
}
