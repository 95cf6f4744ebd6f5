import type { Section } from "../src/domain/types.ts";
import type { Db } from "./client.ts";

/** A programme's section titles by section ("I" → "Datu apkopošana, pētnieciskais darbs"). */
export async function sectionTitlesOf(
  db: Db,
  programmeId: number,
): Promise<Partial<Record<Section, string>>> {
  const rows = await db
    .selectFrom("programme_sections")
    .select(["section", "title"])
    .where("programme_id", "=", programmeId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.section, r.title]));
}

/** Sets a section's title (insert or replace). */
export async function setSectionTitle(
  db: Db,
  programmeId: number,
  section: Section,
  title: string,
): Promise<void> {
  await db
    .insertInto("programme_sections")
    .values({ programme_id: programmeId, section, title })
    .onConflict((oc) => oc.columns(["programme_id", "section"]).doUpdateSet({ title }))
    .execute();
}
