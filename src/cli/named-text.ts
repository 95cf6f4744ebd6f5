/**
 * A command's Block Kit answer as the CLI prints it, with Slack's people and channels named as
 * a person reads them: the CLI's one way of naming them in an answer (`institution`, `cutoff`,
 * `role`, `task`).
 */
import {
  channelLabel,
  channelNames,
  type NamingConfig,
  userLabel,
  userNames,
} from "./local-names.ts";
import { terminalText } from "./terminal.ts";

/** `<@U…>` and `<@U…|label>`: a person, as Slack's mrkdwn names one. */
const USER = /<@([UWB][A-Z0-9]+)(?:\|[^>]*)?>/g;
/** `<#C…>` and `<#C…|label>`: a channel, where it is still markup (not in mrkdwn text). */
const CHANNEL = /<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>/g;

/**
 * `blocks` as terminal text ({@link terminalText}: mrkdwn emphasis dropped) with every person
 * and channel named for the terminal: in local mode by the local workspace's names
 * (`@sekretars`, `#darba-grupa`), with Slack credentials by Slack's (users.info,
 * conversations.info), see local-names.ts. A person nobody names prints as the bare ID
 * (`U0123ABCD`, which the CLI takes back), without Slack's `<@…>` markup; a channel as
 * `#C0123ABCD` (or the label its mention carries). Never throws.
 */
export async function namedTerminalText(config: NamingConfig, blocks: unknown): Promise<string> {
  const channels = await channelNames(config, blocks);
  const text = terminalText(blocks, { channelNames: channels }).replace(
    CHANNEL,
    (_whole, id: string, label: string | undefined) =>
      label ? `#${label}` : `#${channelLabel(id, channels).replace(/^#/, "")}`,
  );
  const ids = [...text.matchAll(USER)].map((m) => m[1] ?? "");
  if (ids.length === 0) return text;
  const names = await userNames(config, ids);
  return text.replace(USER, (_whole, id: string) => userLabel(id, names));
}
