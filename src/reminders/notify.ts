import type { KnownBlock } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { listRoleHolders } from "../../db/roles.ts";
import type { Config, Locale } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createLocaleResolver } from "../slack/locale.ts";
import type { SlackWeb } from "../slack/web.ts";

/** Every secretary: SECRETARY_USER_IDS plus those granted the role in the store. */
export async function secretaries(db: Db, config: Config): Promise<string[]> {
  return [...new Set([...config.secretaryUserIds, ...(await listRoleHolders(db, "secretary"))])];
}

/**
 * Sends a direct message to every secretary (conversations.open, then chat.postMessage), each
 * in their own language: `compose` is called with the secretary's locale (their choice in the
 * app, else Slack's, else DEFAULT_LOCALE: see `createLocaleResolver`), as the README promises
 * for every direct message. A secretary who cannot be reached is logged (by user id only); the
 * others still get it. Returns how many were reached.
 */
export async function notifySecretaries(
  deps: { db: Db; config: Config; slack: SlackWeb; logger: Logger },
  compose: (locale: Locale) => { text: string; blocks?: KnownBlock[] },
): Promise<number> {
  let reached = 0;
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
      reached++;
    } catch (error) {
      deps.logger.error(
        { user, err: error instanceof Error ? error.message : String(error) },
        "secretary not reachable",
      );
    }
  }
  return reached;
}
