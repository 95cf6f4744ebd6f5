import type { App, BlockButtonAction, RespondArguments, SlashCommand } from "@slack/bolt";
import type { CommandDeps, Reply } from "../commands/index.ts";
import { slashCommands } from "../commands/index.ts";
import { findProgrammeByCode } from "../db/programmes.ts";
import { findTaskDetail } from "../db/tasks.ts";
import type { Locale } from "./config.ts";
import { messages } from "./i18n/index.ts";
import { ActionId, parseTaskRef } from "./slack/ids.ts";
import { registerMembershipListeners } from "./slack/listeners/channel-membership.ts";
import { registerDigestListeners } from "./slack/listeners/digest.ts";
import { registerHomeListeners } from "./slack/listeners/home.ts";
import { registerReplyListeners } from "./slack/listeners/replies.ts";
import type { LocaleResolver } from "./slack/locale.ts";
import { renderNotice } from "./slack/render-overview.ts";
import { renderProgressModal } from "./slack/render-progress.ts";
import { renderTask } from "./slack/render-task.ts";
import { ListenerRouter } from "./slack/router.ts";

/** What listeners need. Built once in `main.ts`. */
export interface AppDeps extends CommandDeps {
  locales: LocaleResolver;
}

/**
 * Time a command may take before it is acknowledged empty and answered through
 * `response_url` instead. Slack wants the acknowledgement within 3 s
 * (https://api.slack.com/interactivity/slash-commands#responding_to_commands); 2 s leaves
 * room for the network.
 */
export const ACK_BUDGET_MS = 2_000;

/**
 * Registers every listener on a Bolt app: the slash commands from `commands/`, the task
 * buttons, and the one error handler; with router.ts, the only place that talks to Bolt's
 * listener API.
 */
export function registerListeners(app: App, deps: AppDeps): void {
  // One listener for every command: Bolt runs each listener's middleware on every request,
  // so nine command listeners cost each `/task` eight needless passes (measured: ~4.5 µs each).
  const byName = new Map(slashCommands.map((c) => [c.name, c]));
  const names = new RegExp(
    `^(?:${[...byName.keys()].map((n) => n.replace(/\W/g, "\\$&")).join("|")})$`,
  );
  app.command(names, async ({ command: body, ack, respond }) => {
    const command = byName.get(body.command);
    if (!command) return;
    const work = answer(body, deps, (locale) =>
      command.run(withoutNul(body.text), deps, {
        locale,
        userId: body.user_id,
        channelId: body.channel_id,
      }),
    );
    const quick = await within(work, ACK_BUDGET_MS);
    if (quick) {
      await ack(asResponse(quick));
      return;
    }
    await ack();
    await respond(asResponse(await work));
  });

  // Actions, events and views: dispatched by one global middleware (see router.ts).
  const listeners = new ListenerRouter();
  listeners.action<BlockButtonAction>(
    ActionId.taskShowProgress,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const locale = await deps.locales.forUser(body.user.id);
      const task = await loadTask(deps, action.value ?? "");
      if (!task) {
        await respond(asResponse(taskGone(action.value ?? "", locale)));
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderProgressModal(task, locale),
      });
    },
  );

  listeners.action<BlockButtonAction>(
    ActionId.taskShare,
    async ({ ack, body, action, respond }) => {
      await ack();
      const locale = deps.config.defaultLocale;
      const task = await loadTask(deps, action.value ?? "");
      if (!task) {
        await respond(asResponse(taskGone(action.value ?? "", locale)));
        return;
      }
      const blocks = renderTask(
        task,
        { locale, zone: deps.config.timezone, now: deps.clock.now() },
        { sharedBy: body.user.id },
      );
      await respond({
        response_type: "in_channel",
        replace_original: false,
        blocks,
        text: messages(locale).task.fallback(task.number, task.title),
      });
    },
  );

  registerReplyListeners(listeners, deps);
  registerDigestListeners(listeners, deps);
  registerHomeListeners(listeners, deps);
  registerMembershipListeners(listeners, deps);

  // A user who changes their language in Slack gets it on the next answer, not in an hour.
  listeners.event("user_change", async ({ event }) => {
    deps.locales.forget(event.user.id);
  });
  listeners.mount(app, (actionId) => deps.logger.warn({ actionId }, "action nobody handles"));

  app.error(async (error) => {
    deps.logger.error(
      { err: { name: error.name, message: error.message, code: error.code } },
      "unhandled listener error",
    );
  });
}

/**
 * Resolves the caller's locale and runs the command; any failure becomes the catalogue's
 * "unexpected" message (the details go to the log, never to the user).
 */
async function answer(
  body: SlashCommand,
  deps: AppDeps,
  run: (locale: Locale) => Promise<Reply>,
): Promise<Reply> {
  let locale = deps.config.defaultLocale;
  try {
    locale = await deps.locales.forUser(body.user_id);
    return await run(locale);
  } catch (error) {
    deps.logger.error({ err: error, command: body.command }, "command failed");
    const text = messages(locale).errors.unexpected;
    return { blocks: renderNotice(text), text, found: false };
  }
}

function asResponse(reply: Reply): RespondArguments {
  return { response_type: reply.visibility ?? "ephemeral", blocks: reply.blocks, text: reply.text };
}

/** A button that names a task no longer in the store (a re-import removed it). */
function taskGone(ref: string, locale: Locale): Reply {
  const text = messages(locale).errors.taskNotFound(parseTaskRef(ref)?.number ?? ref, null);
  return { blocks: renderNotice(text), text, found: false };
}

/**
 * `work`'s result when it settles within `ms`, else undefined at `ms`. Rejects when `work`
 * rejects first.
 *
 * One timer for all requests, not one each: a `setTimeout` and `clearTimeout` per request (a
 * `Timeout` object, the timer list, two reads of libuv's clock) were ~1% of a `/task N`'s CPU
 * in `serve`'s profile, for a timer that almost never fires. Races wait in a queue in the
 * order they began, so the earliest deadline is at its head (every race here has the same
 * `ms`); the timer is armed for the head's deadline and, when it fires, settles every race
 * past its deadline and is armed again for the next pending one. A race whose work settles
 * first is marked done and dropped once no earlier race is pending (at once at concurrency 1,
 * so the queue never holds more than the requests in flight and nothing in it lives long
 * enough to reach V8's old generation); the timer is left as it is: at a steady stream of
 * quick answers it fires about once per `ms`, finds nothing late, and is armed again for the
 * oldest pending race, if any. It is unref'd: it never keeps the process alive by itself (the
 * server's socket does while requests come; before, each timer was cleared on the answer).
 */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const race: Race = { deadline: performance.now() + ms, late: resolve, done: false };
    races.push(race);
    if (!raceTimer) armRaceTimer(ms);
    work.then(
      (value) => {
        finish(race);
        resolve(value);
      },
      (error: unknown) => {
        finish(race);
        reject(error);
      },
    );
  });
}

/**
 * A race of `within`, waiting for its work or its deadline (ms on `performance.now()`'s
 * monotonic clock: a wall clock set back must not postpone the acknowledgement).
 */
interface Race {
  deadline: number;
  late: (value: undefined) => void;
  done: boolean;
}

/** Races in the order they began (so by deadline); done ones are dropped at the head. */
const races: Race[] = [];
let raceTimer: NodeJS.Timeout | undefined;

/** Marks `race` done and drops the done races at the head of the queue. */
function finish(race: Race): void {
  race.done = true;
  while (races.length > 0 && races[0]?.done) races.shift();
}

/** Arms the one unref'd timer to settle late races in `ms` (0 when already due). */
function armRaceTimer(ms: number): void {
  raceTimer = setTimeout(settleLateRaces, Math.max(0, ms)).unref();
}

/** Settles the races past their deadline with undefined; re-arms for the next pending one. */
function settleLateRaces(): void {
  raceTimer = undefined;
  const now = performance.now();
  let head = 0;
  while (head < races.length) {
    const race = races[head] as Race;
    if (!race.done && race.deadline > now) break;
    if (!race.done) {
      race.done = true;
      race.late(undefined);
    }
    head++;
  }
  races.splice(0, head);
  const next = races.find((r) => !r.done);
  if (next) armRaceTimer(next.deadline - now);
  else races.length = 0;
}

async function loadTask(deps: AppDeps, ref: string) {
  const parsed = parseTaskRef(ref);
  if (!parsed) return undefined;
  const programme = await findProgrammeByCode(deps.db, parsed.programmeCode);
  return programme ? findTaskDetail(deps.db, programme.id, parsed.number) : undefined;
}

/**
 * A command's text with U+0000 replaced by U+FFFD ("�"): PostgreSQL's text types cannot hold the
 * NUL character (https://www.postgresql.org/docs/current/datatype-character.html), so a command
 * that stores or looks up its text would fail there with an unexpected error; the replacement
 * keeps the character visible in the answer rather than dropping it.
 */
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}
