/**
 * Asks Slack about the people a secretary names (`/institution set`'s contacts, `/role add`),
 * as institution-channel.ts asks about the channel, so a mistyped or departed person is said at
 * once instead of reminders mentioning nobody for weeks. Never throws: Slack being slow,
 * rate-limiting or unreachable gives "unchecked", and the change is saved anyway.
 */
import type { WebClient } from "@slack/web-api";
import { platformError } from "../src/slack/web.ts";
import { CHANNEL_CHECK_MS } from "./institution-channel.ts";

/**
 * What Slack says about a person: `ok`, `not_found` (no such user in the workspace),
 * `deactivated` (the account is deactivated: `deleted`), `bot` (an app's bot user, whom a
 * mention does not reach), or `unchecked` (no answer in time, 429, any other error).
 */
export type UserCheck = "ok" | "not_found" | "deactivated" | "bot" | "unchecked";

/** The one Web API method the check uses (Bolt's client in the app; the CLI's when it has one). */
export interface UserInfoClient {
  users: Pick<WebClient["users"], "info">;
}

/**
 * The person's state from `users.info` (https://docs.slack.dev/reference/methods/users.info):
 * `user.deleted` and `user.is_bot`; the errors `user_not_found` and `user_not_visible`. Null
 * without a client (nothing asked). Waits at most `timeoutMs` (ms), as the channel check does.
 */
export async function checkUser(
  slack: Partial<UserInfoClient> | undefined,
  userId: string,
  timeoutMs = CHANNEL_CHECK_MS,
): Promise<UserCheck | null> {
  if (!slack?.users) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<UserCheck>((resolve) => {
    timer = setTimeout(() => resolve("unchecked"), timeoutMs);
  });
  const asked = slack.users.info({ user: userId }).then(
    (res): UserCheck => {
      if (res.user?.deleted) return "deactivated";
      return res.user?.is_bot ? "bot" : "ok";
    },
    (error: unknown): UserCheck => {
      const code = platformError(error);
      return code === "user_not_found" || code === "user_not_visible" ? "not_found" : "unchecked";
    },
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Each of `userIds` Slack answered about with a problem (not `ok`), in their order, asked at
 * once; empty without a client. "unchecked" answers are one problem for all: the caller says it
 * once.
 */
export async function userProblems(
  slack: Partial<UserInfoClient> | undefined,
  userIds: readonly string[],
): Promise<Array<{ userId: string; check: Exclude<UserCheck, "ok"> }>> {
  const checks = await Promise.all(userIds.map((id) => checkUser(slack, id)));
  const problems: Array<{ userId: string; check: Exclude<UserCheck, "ok"> }> = [];
  checks.forEach((check, i) => {
    const userId = userIds[i];
    if (check && check !== "ok" && userId) problems.push({ userId, check });
  });
  return problems;
}
