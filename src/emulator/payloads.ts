/**
 * The payloads Slack sends to an app, built as Slack builds them:
 * - slash commands: https://api.slack.com/interactivity/slash-commands#app_command_handling
 * - block_actions: https://api.slack.com/reference/interaction-payloads/block-actions
 * - view_submission: https://api.slack.com/reference/interaction-payloads/views
 * - Events API envelope: https://api.slack.com/apis/events-api#callback-field
 * Pure functions: ids and times come in as arguments.
 */
import { randomUUID } from "node:crypto";
import type { StoredMessage } from "./types.ts";

/** The sending workspace and app, as they appear in every payload. */
export interface PayloadContext {
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  botUserId: string;
  /** The legacy verification token Slack still puts in payloads (Bolt ignores it). */
  verificationToken: string;
}

/** Fields of a slash command besides the workspace's. */
export interface SlashCommandInput {
  command: string;
  text: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
  responseUrl: string;
  triggerId: string;
}

/** The form body of a slash command invocation. */
export function slashCommandForm(ctx: PayloadContext, input: SlashCommandInput): URLSearchParams {
  return new URLSearchParams({
    token: ctx.verificationToken,
    team_id: ctx.teamId,
    team_domain: ctx.teamDomain,
    channel_id: input.channelId,
    channel_name: input.channelName,
    user_id: input.userId,
    user_name: input.userName,
    command: input.command,
    text: input.text,
    api_app_id: ctx.apiAppId,
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  });
}

/** Splits "/task 14 more" into command "/task" and text "14 more"; `undefined` without a leading "/". */
export function splitSlashCommand(line: string): { command: string; text: string } | undefined {
  const match = /^\s*(\/\S+)(?:\s+([\s\S]*))?$/.exec(line);
  if (!match?.[1]) return undefined;
  return { command: match[1], text: (match[2] ?? "").trim() };
}

function findElement(
  blocks: unknown[] | undefined,
  actionId: string,
): { blockId: string; element: Record<string, unknown> } | undefined {
  for (const block of blocks ?? []) {
    if (typeof block !== "object" || block === null) continue;
    const b = block as Record<string, unknown>;
    const candidates = [...(Array.isArray(b.elements) ? b.elements : []), b.accessory, b.element];
    for (const el of candidates) {
      if (
        typeof el === "object" &&
        el !== null &&
        (el as Record<string, unknown>).action_id === actionId
      ) {
        return { blockId: String(b.block_id ?? ""), element: el as Record<string, unknown> };
      }
    }
  }
  return undefined;
}

/** Fields of a block_actions interaction. `container` says where the button was. */
export interface BlockActionInput {
  actionId: string;
  value?: string;
  blockId?: string;
  userId: string;
  userName: string;
  actionTs: string;
  triggerId: string;
  /** A message (with its channel) or a view the action happened in. */
  message?: { channelId: string; channelName: string; message: Record<string, unknown> };
  view?: Record<string, unknown>;
  responseUrl?: string;
}

/**
 * A block_actions payload for one button (or other element) press. When the message or view
 * contains the action, its block_id, type and label are taken from there.
 */
export function blockActionsPayload(
  ctx: PayloadContext,
  input: BlockActionInput,
): Record<string, unknown> {
  const blocks = (input.message?.message.blocks ?? input.view?.blocks) as unknown[] | undefined;
  const found = findElement(blocks, input.actionId);
  const element = found?.element ?? { type: "button" };
  const blockId = input.blockId ?? found?.blockId ?? "emulated_block";
  const chosen = Array.isArray(element.options) ? chosenOption(element, input) : undefined;
  const action = {
    type: element.type,
    block_id: blockId,
    action_id: input.actionId,
    ...(element.text ? { text: element.text } : {}),
    ...(chosen ? { selected_option: chosen } : { value: input.value ?? element.value }),
    action_ts: input.actionTs,
  };
  // A view's state carries the element's current choice (a message's never does here).
  const values =
    chosen && input.view
      ? { [blockId]: { [input.actionId]: { type: element.type, selected_option: chosen } } }
      : {};
  const user = {
    id: input.userId,
    username: input.userName,
    name: input.userName,
    team_id: ctx.teamId,
  };
  const where = input.message
    ? {
        container: {
          type: "message",
          message_ts: input.message.message.ts,
          channel_id: input.message.channelId,
          is_ephemeral: false,
        },
        channel: { id: input.message.channelId, name: input.message.channelName },
        message: input.message.message,
      }
    : { container: { type: "view", view_id: input.view?.id }, view: input.view };
  return {
    type: "block_actions",
    user,
    api_app_id: ctx.apiAppId,
    token: ctx.verificationToken,
    trigger_id: input.triggerId,
    team: { id: ctx.teamId, domain: ctx.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    ...where,
    state: { values },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [action],
  };
}

/**
 * The option a person picks in a select or radio buttons (`input.value` names it by value), as
 * Slack sends it in `selected_option`.
 * @throws Error when the element has no option with that value: Slack offers only its options.
 */
function chosenOption(
  element: Record<string, unknown>,
  input: BlockActionInput,
): Record<string, unknown> {
  const options = element.options as Array<Record<string, unknown>>;
  const option = options.find((o) => o.value === input.value);
  if (!option) {
    const values = options.map((o) => String(o.value)).join(", ");
    throw new Error(`${input.actionId} has no option "${input.value}" (options: ${values})`);
  }
  return option;
}

/** A view_submission state value; a plain string stands for a plain_text_input's value. */
export type ViewStateValue = string | ({ type: string } & Record<string, unknown>);

/** Fields of a view_submission. `view` is the modal as stored (or a minimal one). */
export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, ViewStateValue>>;
  userId: string;
  userName: string;
  triggerId: string;
  view: Record<string, unknown>;
}

/** A view_submission payload. */
export function viewSubmissionPayload(
  ctx: PayloadContext,
  input: ViewSubmissionInput,
): Record<string, unknown> {
  const values = Object.fromEntries(
    Object.entries(input.values).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, v]) => [
          actionId,
          typeof v === "string" ? { type: "plain_text_input", value: v } : v,
        ]),
      ),
    ]),
  );
  return {
    type: "view_submission",
    team: { id: ctx.teamId, domain: ctx.teamDomain },
    user: { id: input.userId, username: input.userName, name: input.userName, team_id: ctx.teamId },
    api_app_id: ctx.apiAppId,
    token: ctx.verificationToken,
    trigger_id: input.triggerId,
    view: {
      ...input.view,
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * An Events API `event_callback` envelope around `event`.
 * @param eventTime epoch seconds.
 */
export function eventEnvelope(
  ctx: PayloadContext,
  event: Record<string, unknown>,
  eventId: string,
  eventTime: number,
): Record<string, unknown> {
  return {
    token: ctx.verificationToken,
    team_id: ctx.teamId,
    api_app_id: ctx.apiAppId,
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: ctx.teamId,
        user_id: ctx.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString("base64url")}`,
  };
}

/**
 * The `message` event Slack sends for a stored human message (a thread reply when it has a
 * `thread_ts`). Source: https://api.slack.com/events/message
 */
export function messageEvent(
  ctx: PayloadContext,
  message: StoredMessage,
  channelType: "channel" | "im",
  parentUserId?: string,
): Record<string, unknown> {
  return {
    type: "message",
    channel: message.channel,
    user: message.user,
    text: message.text,
    ts: message.ts,
    event_ts: message.ts,
    team: ctx.teamId,
    channel_type: channelType,
    client_msg_id: randomUUID(),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...(message.thread_ts && parentUserId ? { parent_user_id: parentUserId } : {}),
  };
}

/** A stored message as Slack puts it inside a `message_changed`/`message_deleted` event. */
function innerMessage(message: StoredMessage): Record<string, unknown> {
  return {
    type: "message",
    user: message.user,
    text: message.text,
    ts: message.ts,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...(message.edited ? { edited: message.edited } : {}),
  };
}

/**
 * The `message_changed` event Slack sends when a person edits `previous` into `message` (its
 * `edited.ts` the event's ts). Source: https://api.slack.com/events/message/message_changed
 */
export function messageChangedEvent(
  previous: StoredMessage,
  message: StoredMessage,
  channelType: "channel" | "im",
): Record<string, unknown> {
  const at = message.edited?.ts ?? message.ts;
  return {
    type: "message",
    subtype: "message_changed",
    hidden: true,
    channel: message.channel,
    channel_type: channelType,
    ts: at,
    event_ts: at,
    message: innerMessage(message),
    previous_message: innerMessage(previous),
  };
}

/**
 * The `message_deleted` event Slack sends when a person deletes `message`, at `at` (a ts).
 * Source: https://api.slack.com/events/message/message_deleted
 */
export function messageDeletedEvent(
  message: StoredMessage,
  channelType: "channel" | "im",
  at: string,
): Record<string, unknown> {
  return {
    type: "message",
    subtype: "message_deleted",
    hidden: true,
    channel: message.channel,
    channel_type: channelType,
    ts: at,
    event_ts: at,
    deleted_ts: message.ts,
    previous_message: innerMessage(message),
  };
}
