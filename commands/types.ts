import type { KnownBlock } from "@slack/types";
import type { Db } from "../db/client.ts";
import type { JobDataMap, JobName } from "../jobs/index.ts";
import type { Config, Locale } from "../src/config.ts";
import type { FilesClient } from "../src/export/dm-upload.ts";
import type { Logger } from "../src/logger.ts";
import type { Clock } from "../src/time.ts";
import type { ChannelInfoClient } from "./institution-channel.ts";
import type { UserInfoClient } from "./institution-user.ts";

/**
 * A reply model: Block Kit blocks plus the plain-text fallback Slack shows in notifications.
 * `found` is false for mistakes and refusals (used by tests and the CLI's exit code).
 * `visibility` "in_channel" posts the answer for everyone; default only the caller sees it.
 */
export interface Reply {
  blocks: KnownBlock[];
  text: string;
  found: boolean;
  visibility?: "ephemeral" | "in_channel";
}

/** Who asked, where, in which language. From the slash command payload (or the CLI). */
export interface CommandContext {
  locale: Locale;
  /** Slack user ID ("U…"); the CLI acts as "cli". */
  userId: string;
  channelId: string;
}

/**
 * What commands may use. `replan` rebuilds the reminder (and digest) plan after a change (one
 * cut-off or all). `enqueue` adds a job with its deterministic id and returns the id; it is
 * undefined when the queue is not running (Redis down, or the CLI).
 */
export interface CommandDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  replan(cutoffId?: number): Promise<unknown>;
  enqueue?: <K extends JobName>(name: K, data: JobDataMap[K]) => Promise<string>;
  /**
   * Slack's Web API for sending files to a user's DM (`/export`, `/calendar`) and checking a
   * channel (`/institution set`: conversations.info) and the people named (`/institution set`,
   * `/role add`: users.info); in the CLI the local app's emulator or Slack when it can reach one.
   */
  slack?: FilesClient & ChannelInfoClient & Partial<UserInfoClient>;
}

/**
 * A slash command: `parse` is pure (text → typed input or typed mistake, never throws);
 * `handle` answers from the store and may change it (authorised and audited inside).
 */
export interface SlashCommand<I> {
  /** "/task", "/cutoff", … as registered in manifest.json. */
  name: string;
  parse(text: string): I;
  handle(input: I, deps: CommandDeps, ctx: CommandContext): Promise<Reply>;
}
