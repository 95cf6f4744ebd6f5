import type { KnownBlock } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { listRoleHolders } from "../../db/roles.ts";
import type { Config, Locale } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createLocaleResolver } from "../slack/locale.ts";
import { platformError, type SlackWeb } from "../slack/web.ts";

/** Every secretary: SECRETARY_USER_IDS plus those granted the role in the store. */
export async function secretaries(db: Db, config: Config): Promise<string[]> {
  return [...new Set([...config.secretaryUserIds, ...(await listRoleHolders(db, "secretary"))])];
}

/**
 * A secretary a direct message could not reach: the Slack user ID and Slack's error code
 * (`users_not_found`, `user_disabled`, …), null when Slack gave none (no answer, no channel).
 */
export interface UnreachableSecretary {
  user: string;
  code: string | null;
}

/** What {@link notifySecretaries} did: how many got the message, and whom it could not reach. */
export interface SecretariesTold {
  reached: number;
  /** In the order tried; each secretary at most once. */
  unreachable: UnreachableSecretary[];
}

/**
 * Sends a direct message to every secretary (conversations.open, then chat.postMessage), each
 * in their own language: `compose` is called with the secretary's locale (their choice in the
 * app, else Slack's, else DEFAULT_LOCALE: see `createLocaleResolver`), as the README promises
 * for every direct message. A secretary who cannot be reached is returned (the caller says it
 * where its reader looks: `remind --now` in words, after its table) and logged at warn by user
 * id and error only (the server's log keeps its line; the CLI, whose log shows errors only,
 * does not print it); the others still get it. Throws only what `secretaries` throws.
 */
export async function notifySecretaries(
  deps: { db: Db; config: Config; slack: SlackWeb; logger: Logger },
  compose: (locale: Locale) => { text: string; blocks?: KnownBlock[] },
): Promise<SecretariesTold> {
  const told: SecretariesTold = { reached: 0, unreachable: [] };
  const ids = await secretaries(deps.db, deps.config);
  if (ids.length === 0) deps.logger.warn("no secretary configured: set SECRETARY_USER_IDS");
  const locales = createLocaleResolver(deps.slack, deps.config.defaultLocale, {
    db: deps.db,
    slackLocale: deps.config.slackLocale,
  });
  for (const user of ids) {
    try {
      const message = compose(await locales.forUser(user));
      const dm = await deps.slack.conversations.open({ users: user });
      const channel = dm.channel?.id;
      if (!channel) throw new Error("conversations.open returned no channel");
      await deps.slack.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      told.reached++;
    } catch (error) {
      const err = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ user, err }, "secretary not reachable");
      told.unreachable.push({ user, code: platformError(error) });
    }
  }
  return told;
}
