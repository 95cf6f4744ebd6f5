/**
 * The kind refusal of the commands this app keeps for secretaries (`/session` changes,
 * `/digest`, `/export`), in the same words as the admin commands: who can do it (as mentions) and to ask
 * them (no pointer to `/role list`: they are named); with no secretary at all, to ask the app's
 * administrator (`/role list` says when one is named). The
 * refused person is a Slack user, so nothing points to the server's CLI (the README tells
 * operators how to name a secretary).
 */
import { roleText } from "../src/i18n/role.ts";
import { notice, secretaryIds } from "./access.ts";
import type { CommandContext, CommandDeps, Reply } from "./types.ts";

/** "Sorry, only the secretary can <action> (<@U…>)." plus whom to ask; `found` is false. */
export async function secretaryRefusal(
  deps: CommandDeps,
  ctx: CommandContext,
  action: string,
): Promise<Reply> {
  const t = roleText(ctx.locale);
  const ids = await secretaryIds(deps);
  const text = t.refusal(action, ids.map((id) => `<@${id}>`).join(", "));
  return notice(text, ids.length > 0 ? t.refusalHint : t.noSecretary, false);
}
