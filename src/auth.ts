import type { Db } from "../db/client.ts";
import { institutionsOfContact } from "../db/contacts.ts";
import { hasStoredRole } from "../db/roles.ts";
import type { Config } from "./config.ts";

/**
 * True when the Slack user is a secretary: listed in SECRETARY_USER_IDS, or granted the role
 * by a secretary (`/role add @user secretary`). The check runs on the server for every
 * command, button and modal that changes cut-offs, mappings or roles or sends by hand.
 */
export async function isSecretary(
  deps: { db: Db; config: Config },
  userId: string,
): Promise<boolean> {
  if (deps.config.secretaryUserIds.includes(userId)) return true;
  return hasStoredRole(deps.db, userId, "secretary");
}

/** True when the user is a mapped contact of the institution (may reply on its behalf). */
export async function isContactOf(db: Db, userId: string, institutionId: number): Promise<boolean> {
  return (await institutionsOfContact(db, userId)).includes(institutionId);
}
