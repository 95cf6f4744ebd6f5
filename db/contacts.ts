import { byCode } from "../src/domain/codes.ts";
import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";

/** An institution's Slack mapping: its channel and contact people (in the order given). */
export interface InstitutionMapping {
  institutionId: number;
  code: string;
  name: string;
  channelId: string | null;
  contacts: Array<{ userId: string; awayUntil: string | null }>;
}

/** The mapping of one institution (by id), or undefined when no such institution. */
export async function getMapping(
  db: Db,
  institutionId: number,
): Promise<InstitutionMapping | undefined> {
  const [inst] = await institutionById(db, institutionId);
  if (!inst) return undefined;
  const contacts = await contactsOf(db, institutionId);
  return {
    institutionId: inst.id,
    code: inst.code,
    name: inst.name,
    channelId: inst.slack_channel_id,
    contacts: contacts.map((c) => ({ userId: c.slack_user_id, awayUntil: c.away_until })),
  };
}

// Read for every reminder sent: compiled once (see `compiled`).
const institutionById = compiled((db, id: number) =>
  db
    .selectFrom("institutions")
    .select(["id", "code", "name", "slack_channel_id"])
    .where("id", "=", id),
);
const contactsOf = compiled((db, institutionId: number) =>
  db
    .selectFrom("institution_contacts")
    .select(["slack_user_id", "away_until"])
    .where("institution_id", "=", institutionId)
    .orderBy("position"),
);

/** Sets an institution's channel and replaces its contacts (away dates of kept contacts survive). */
export async function setMapping(
  db: Db,
  institutionId: number,
  channelId: string | null,
  userIds: string[],
  at: string,
): Promise<void> {
  const old = await db
    .selectFrom("institution_contacts")
    .select(["slack_user_id", "away_until"])
    .where("institution_id", "=", institutionId)
    .execute();
  const away = new Map(old.map((c) => [c.slack_user_id, c.away_until]));
  await db
    .updateTable("institutions")
    .set({ slack_channel_id: channelId })
    .where("id", "=", institutionId)
    .execute();
  await db.deleteFrom("institution_contacts").where("institution_id", "=", institutionId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto("institution_contacts")
    .values(
      unique.map((userId, position) => ({
        institution_id: institutionId,
        slack_user_id: userId,
        away_until: away.get(userId) ?? null,
        position,
        added_at: at,
      })),
    )
    .execute();
}

/** Marks a contact away until `date` (ISO date in Riga; null = back). Returns how many rows changed. */
export async function setAway(db: Db, userId: string, date: string | null): Promise<number> {
  const result = await db
    .updateTable("institution_contacts")
    .set({ away_until: date })
    .where("slack_user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Ids of the institutions the user is a contact of. */
export async function institutionsOfContact(db: Db, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom("institution_contacts")
    .select("institution_id")
    .where("slack_user_id", "=", userId)
    .execute();
  return rows.map((r) => r.institution_id);
}

/** The institution whose channel this is, if one is mapped to it. */
export async function institutionByChannel(db: Db, channelId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("institutions")
    .select("id")
    .where("slack_channel_id", "=", channelId)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Every institution's mapping (channel and contacts in order), by code in Latvian alphabetical
 * order (`byCode`). Two queries
 * whatever the number of institutions.
 */
export async function listMappings(db: Db): Promise<InstitutionMapping[]> {
  const institutions = await db
    .selectFrom("institutions")
    .select(["id", "code", "name", "slack_channel_id"])
    .execute();
  institutions.sort(byCode);
  const contacts = await db
    .selectFrom("institution_contacts")
    .select(["institution_id", "slack_user_id", "away_until"])
    .orderBy("institution_id")
    .orderBy("position")
    .execute();
  return institutions.map((inst) => ({
    institutionId: inst.id,
    code: inst.code,
    name: inst.name,
    channelId: inst.slack_channel_id,
    contacts: contacts
      .filter((c) => c.institution_id === inst.id)
      .map((c) => ({ userId: c.slack_user_id, awayUntil: c.away_until })),
  }));
}

/** Where a user is a contact: institution id and code, and the away date there (ISO date or null). */
export async function contactEntries(
  db: Db,
  userId: string,
): Promise<Array<{ institutionId: number; code: string; awayUntil: string | null }>> {
  const rows = await db
    .selectFrom("institution_contacts")
    .innerJoin("institutions", "institutions.id", "institution_contacts.institution_id")
    .select(["institutions.id", "institutions.code", "institution_contacts.away_until"])
    .where("institution_contacts.slack_user_id", "=", userId)
    .execute();
  return rows
    .sort(byCode)
    .map((r) => ({ institutionId: r.id, code: r.code, awayUntil: r.away_until }));
}
