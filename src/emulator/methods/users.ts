/**
 * auth.test, users.info (https://api.slack.com/methods/users.info) and users.list
 * (https://api.slack.com/methods/users.list, one page: every member): the user object
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
  return { user: userObject(ws, user, flag(args, "include_locale")) };
};

/** users.list: every member of the workspace on one page (no cursor), locales with `include_locale`. */
export const usersList: MethodHandler = ({ args, ws }) => ({
  members: [...ws.users.values()].map((u) => userObject(ws, u, flag(args, "include_locale"))),
  response_metadata: { next_cursor: "" },
});

type Ws = Parameters<MethodHandler>[0]["ws"];
type User = NonNullable<ReturnType<Ws["users"]["get"]>>;

/** A user as users.info and users.list give it. */
function userObject(ws: Ws, user: User, withLocale: boolean) {
  return {
    id: user.id,
    team_id: ws.identity.teamId,
    name: user.name,
    real_name: user.name,
    deleted: user.deleted === true,
    is_bot: user.isBot,
    is_admin: user.isAdmin === true,
    is_app_user: false,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: ws.tzOffsetSeconds(user.tz),
    profile: { real_name: user.name, display_name: user.name, team: ws.identity.teamId },
    ...(withLocale ? { locale: user.locale } : {}),
  };
}
