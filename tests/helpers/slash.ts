/** A slash command through a running test app's signed endpoint, its answer read as text. */
import { expect } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import type { TestApp } from "./app.ts";

type Answer = { text?: string; blocks?: unknown[] };

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
  const res = await t.slack.command(command, text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 15_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blocksToText(body.blocks as Parameters<typeof blocksToText>[0]);
}
