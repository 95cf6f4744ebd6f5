import type { Db } from "./client.ts";

/** A role the app grants. Only "secretary" so far. */
export type Role = "secretary";

/** Slack user IDs holding `role` in the store (those from SECRETARY_USER_IDS are not stored). */
export async function listRoleHolders(db: Db, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom("roles")
    .select("slack_user_id")
    .where("role", "=", role)
    .orderBy("granted_at")
    .execute();
  return rows.map((r) => r.slack_user_id);
}

/** True when the user holds the role in the store. */
export async function hasStoredRole(db: Db, userId: string, role: Role): Promise<boolean> {
  const row = await db
    .selectFrom("roles")
    .select("slack_user_id")
    .where("slack_user_id", "=", userId)
    .where("role", "=", role)
    .executeTakeFirst();
  return row !== undefined;
}

/** Grants a role; returns false when the user already had it. */
export async function grantRole(
  db: Db,
  userId: string,
  role: Role,
  by: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto("roles")
    .values({ slack_user_id: userId, role, granted_by: by, granted_at: at })
    .onConflict((oc) => oc.columns(["slack_user_id", "role"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Revokes a role; returns false when the user did not have it. */
export async function revokeRole(db: Db, userId: string, role: Role): Promise<boolean> {
  const result = await db
    .deleteFrom("roles")
    .where("slack_user_id", "=", userId)
    .where("role", "=", role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A role granted in the store: who holds it, who granted it (Slack user ID or "cli"), when (UTC ISO). */
export interface RoleGrant {
  userId: string;
  grantedBy: string;
  grantedAt: string;
}

/** Grants of `role` stored in the app (not those from SECRETARY_USER_IDS), oldest first. */
export async function listRoles(db: Db, role: Role): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom("roles")
    .select(["slack_user_id", "granted_by", "granted_at"])
    .where("role", "=", role)
    .orderBy("granted_at")
    .orderBy("slack_user_id")
    .execute();
  return rows.map((r) => ({
    userId: r.slack_user_id,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
  }));
}
