import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { repeatNotice } from "../../../commands/digest.ts";
import { handleHistory } from "../../../commands/task-history.ts";
import type { AppDeps } from "../../app.ts";
import { isSecretary } from "../../auth.ts";
import { manualRequest } from "../../digest/repeat.ts";
import { digestCommandText } from "../../i18n/digest.ts";
import { roleText } from "../../i18n/role.ts";
import { sideEffect } from "../../replies/deps.ts";
import { ActionId } from "../ids.ts";
import { parseHistoryValue } from "../render-history.ts";
import { renderNotice } from "../render-overview.ts";
import type { Listeners } from "../router.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Matches the older/newer buttons of `/task N history` ("task_history_page_older", …). */
const HISTORY_PAGE = new RegExp(`^${ActionId.taskHistoryPage}_`);

/**
 * Registers the listeners of sessions and digests (the App Home's own are in ./home.ts):
 * - "Post to the working group" on a draft ({@link ActionId.digestPost}) and "Prepare a digest"
 *   on the Home ({@link ActionId.digestRequest}): secretary only, checked here on the server;
 *   the work goes to the queue (job "build-digest");
 * - the page buttons of `/task N history`.
 */
export function registerDigestListeners(app: Listeners, deps: AppDeps): void {
  app.action<BlockButtonAction>(ActionId.digestPost, (args) => onPost(deps, args));
  app.action<BlockButtonAction>(ActionId.digestRequest, (args) => onRequest(deps, args));
  app.action<BlockButtonAction>(HISTORY_PAGE, (args) => onHistoryPage(deps, args));
}

async function refuseUnlessSecretary(deps: AppDeps, args: ButtonArgs): Promise<boolean> {
  const userId = args.body.user.id;
  if (await isSecretary(deps, userId)) return false;
  const locale = await deps.locales.forUser(userId);
  const text = roleText(locale).refusal(digestCommandText(locale).action, "");
  deps.logger.info({ user: userId, action: args.action.action_id }, "digest action refused");
  if (args.body.response_url)
    await args.respond({
      response_type: "ephemeral",
      replace_original: false,
      blocks: renderNotice(text),
      text,
    });
  return true;
}

async function onPost(deps: AppDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if (await refuseUnlessSecretary(deps, args)) return;
  const digestId = Number(args.action.value);
  const locale = await deps.locales.forUser(args.body.user.id);
  const t = digestCommandText(locale);
  if (!deps.enqueue || !Number.isInteger(digestId)) {
    await args.respond({ response_type: "ephemeral", replace_original: false, text: t.noQueue });
    return;
  }
  const at = deps.clock.now().toUTC().toISO() ?? "";
  await deps.enqueue("build-digest", {
    key: `post-${digestId}`,
    kind: "post",
    at,
    requestedBy: args.body.user.id,
    digestId,
  });
  const where = deps.config.workgroupChannelId
    ? t.inChannel(deps.config.workgroupChannelId)
    : t.here;
  await args.respond({
    response_type: "ephemeral",
    replace_original: false,
    text: t.queued(where),
  });
}

/**
 * The Home's "Prepare a digest": queued as `/digest` is — unless it repeats a digest (the repeat
 * rule, src/digest/repeat.ts), when the secretary is told so in a direct message, as `/digest`
 * answers (the Home has no place for an answer); a DM Slack refuses is logged at warn
 * (`sideEffect`, step "digest_repeat_dm").
 */
async function onRequest(deps: AppDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  if ((await refuseUnlessSecretary(deps, args)) || !deps.enqueue) return;
  const userId = args.body.user.id;
  const now = deps.clock.now();
  const { repeat, cutoffId } = await manualRequest(deps.db, null, now);
  if (repeat) {
    const locale = await deps.locales.forUser(userId);
    const group = deps.config.workgroupChannelId;
    const t = digestCommandText(locale);
    const said = await repeatNotice(repeat, group ? t.inChannel(group) : t.here, deps, locale);
    const text = `${said.text}\n${said.hint}`;
    // A side effect as the reply pipeline's notes: Slack refusing the DM is logged, not thrown
    // (the press is acknowledged and nothing was built; the app's error handler is not for it).
    await sideEffect(deps.logger, "digest_repeat_dm", async () => {
      const dm = await args.client.conversations.open({ users: userId });
      if (dm.channel?.id)
        await args.client.chat.postMessage({
          channel: dm.channel.id,
          blocks: renderNotice(text),
          text,
        });
    });
    return;
  }
  const at = now.toUTC().toISO() ?? "";
  await deps.enqueue("build-digest", {
    key: `manual-${userId}-${Date.parse(at)}`,
    kind: "manual",
    at,
    requestedBy: userId,
    // Without a working-group channel the digest goes to the secretary's DM.
    channelId: userId,
    // The cut-off the repeat check compared: the digest is about it (not looked up again).
    aboutCutoffId: cutoffId,
  });
}

async function onHistoryPage(deps: AppDeps, args: ButtonArgs): Promise<void> {
  await args.ack();
  const parsed = parseHistoryValue(args.action.value ?? "");
  if (!parsed) return;
  const locale = await deps.locales.forUser(args.body.user.id);
  const reply = await handleHistory(
    { kind: "history", ...parsed },
    { db: deps.db, zone: deps.config.timezone },
    locale,
  );
  await args.respond({ replace_original: true, blocks: reply.blocks, text: reply.text });
}
