/** A slash command through a running test app's signed endpoint, its answer read as text. */
import { expect } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import type { TestApp } from "./app.ts";

/** The body of a slash command's answer (the ack's or the one sent to its response_url). */
export type SlashAnswer = {
  text?: string;
  blocks?: Array<{ text?: { text?: string }; elements?: Array<{ text?: string }> }>;
};

/** Where a slash command is sent from and how long its answer may take. */
export interface SlashOptions {
  /** The channel it is typed in (default: the signing client's). */
  channelId?: string;
  /** How long to wait for an answer sent to the response_url, in ms (default 15 s). */
  timeoutMs?: number;
}

/**
 * Sends `command text` as `userId` and returns the answer's body: the ack's, or, when the ack
 * carries no blocks, the one posted to its response_url within `opts.timeoutMs`; expects HTTP
 * 200. The blocks are not checked: see {@link slashText} and {@link slashBlocks}.
 */
export async function slashAnswer(
  t: TestApp,
  command: string,
  text: string,
  userId: string,
  opts: SlashOptions = {},
): Promise<SlashAnswer> {
  const res = await t.slack.command(command, text, { userId, channelId: opts.channelId });
  expect(res.status).toBe(200);
  const body = res.body as SlashAnswer | "";
  if (body === "" || body.blocks === undefined)
    return (await t.slack.waitForResponse(res.responseUrl, opts.timeoutMs ?? 15_000))
      .body as SlashAnswer;
  return body;
}

/**
 * The blocks of the answer to `command text` as JSON (as {@link slashAnswer}), after expecting
 * them within Slack's limits.
 */
export async function slashBlocks(
  t: TestApp,
  command: string,
  text: string,
  userId: string,
  opts: SlashOptions = {},
): Promise<string> {
  const body = await slashAnswer(t, command, text, userId, opts);
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

/** The mrkdwn of each block of an answer, in order (a section's text or a context's first). */
export function blockTexts(answer: SlashAnswer): string[] {
  return (answer.blocks ?? []).map((b) => b.text?.text ?? b.elements?.[0]?.text ?? "");
}

/**
 * Sends `command text` as `userId` and returns the answer as text (from the ack or, when the
 * ack carries no blocks, its response_url within 15 s); expects HTTP 200 and blocks within
 * Slack's limits.
 */
export async function slashText(
  t: TestApp,
  command: string,
  text: string,
  userId: string,
): Promise<string> {
  const body = await slashAnswer(t, command, text, userId);
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blocksToText(body.blocks as Parameters<typeof blocksToText>[0]);
}

/**
 * The reporting cut-off sections of `/task <number>` as `userId` sees it (blocks whose id
 * starts with "task_cutoff"), one a line; the answer is checked against Block Kit's limits.
 */
export async function taskCutoffText(t: TestApp, number: string, userId: string): Promise<string> {
  return (await taskCutoffSections(t, number, userId)).join("\n");
}

/** The texts of {@link taskCutoffText}'s sections, one an entry (checked as it checks them). */
export async function taskCutoffSections(
  t: TestApp,
  number: string,
  userId: string,
): Promise<string[]> {
  const res = await t.slack.command("/task", number, { userId });
  expect(res.status).toBe(200);
  const blocks = ((res.body as { blocks?: unknown[] }).blocks ?? []) as Array<{
    block_id?: string;
    text?: { text?: string };
  }>;
  expect(validateBlocks(blocks, "message")).toEqual([]);
  return blocks.filter((b) => b.block_id?.startsWith("task_cutoff")).map((b) => b.text?.text ?? "");
}
