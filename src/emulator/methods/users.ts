/**
 * auth.test and users.info (https://api.slack.com/methods/users.info): the user object
 * carries `tz`, `tz_label`, `tz_offset` (seconds) and, only with `include_locale`, `locale`.
 */
import { ApiError, flag, optionalString } from "../args.ts";
import type { MethodHandler } from "./shared.ts";

/** auth.test for the bot token: the bot's user and bot ids, the team, the workspace url. */
export const authTest: MethodHandler = ({ ws, baseUrl }) => ({
  url: `${baseUrl}/`,
  team: ws.identity.teamDomain,
  user: ws.identity.botName,
  team_id: ws.identity.teamId,
  user_id: ws.identity.botUserId,
  bot_id: ws.identity.botId,
  is_enterprise_install: false,
});

/** users.info. Errors: user_not_found. */
export const usersInfo: MethodHandler = ({ args, ws }) => {
  const userId = optionalString(args, "user");
  const user = userId === undefined ? undefined : ws.users.get(userId);
  if (!user) throw new ApiError("user_not_found");
  return {
    user: {
      id: user.id,
      team_id: ws.identity.teamId,
      name: user.name,
      real_name: user.name,
      deleted: false,
      is_bot: user.isBot,
      is_app_user: false,
      tz: user.tz,
      tz_label: user.tz,
      tz_offset: ws.tzOffsetSeconds(user.tz),
      profile: { real_name: user.name, display_name: user.name, team: ws.identity.teamId },
      ...(flag(args, "include_locale") ? { locale: user.locale } : {}),
    },
  };
};
