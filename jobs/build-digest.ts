import { DelayedError, UnrecoverableError } from "bullmq";
import { DateTime } from "luxon";
import { findCutoff } from "../db/cutoffs.ts";
import {
  findDigest,
  findDigestByKey,
  insertDigest,
  previousDigest,
  type StoredDigest,
} from "../db/digests.ts";
import { currentProgramme } from "../db/programmes.ts";
import { findSession } from "../db/sessions.ts";
import type { Locale } from "../src/config.ts";
import { buildDigestModel, EPOCH } from "../src/digest/build.ts";
import type { DigestVariant } from "../src/digest/document.ts";
import { digestModel, type PublishDeps, publishDigest } from "../src/digest/publish.ts";
import { REPEAT_WINDOW_MS, repeatOf } from "../src/digest/repeat.ts";
import { digestText } from "../src/i18n/digest.ts";
import { notifySecretaries, secretaries } from "../src/reminders/notify.ts";
import { createLocaleResolver } from "../src/slack/locale.ts";
import { PERMANENT_POST_ERRORS, platformError, rateLimitedFor } from "../src/slack/web.ts";
import type { JobContext, JobDeps } from "./types.ts";

/** Job name. */
export const name = "build-digest";

/**
 * Plain JSON. `key` makes the job idempotent (one stored digest per key):
 * - "manual": `/digest` or the Home button; posted to WORKGROUP_CHANNEL_ID, else `channelId`;
 * - "session": the draft before session `sessionId` (planned for `sessionAt`), sent to every
 *   secretary's DM with the "Post to the working group" button;
 * - "cutoff": at cut-off `cutoffId` (planned for `cutoffAt`), listing who did not answer;
 * - "post": posts stored digest `digestId` (a draft) to the working group.
 * `at` is the UTC ISO instant the job was asked or planned for; `since` a UTC ISO instant.
 */
export interface Data {
  key: string;
  kind: "manual" | "session" | "cutoff" | "post";
  at: string;
  requestedBy: string;
  channelId?: string | null;
  since?: string | null;
  sessionId?: number;
  sessionAt?: string;
  cutoffId?: number;
  cutoffAt?: string;
  digestId?: number;
  /**
   * "manual": the cut-off the digest is about as the request found it (src/digest/repeat.ts
   * `manualRequest`, whose repeat check compared it), so the build does not look again; null:
   * none. A job run late (a queue that waited, a retry) still builds about this cut-off, though
   * another may be the active one by then: the one its repeat check compared. Absent (a job
   * queued before it was kept): the active one when the digest is built, as it is when this one
   * has been removed since or belongs to another programme than the current one now (the
   * programme switched).
   */
  aboutCutoffId?: number | null;
}

/** Deterministic BullMQ job id. */
export function jobId(data: Data): string {
  return `digest-${data.key}`;
}

/** The job key of a `/digest` request by `userId` at `at` (UTC ISO). */
export function manualKey(userId: string, at: string): string {
  return `manual-${userId}-${DateTime.fromISO(at).toMillis()}`;
}

/** When the request with manual key `key` was made (UTC ISO), or null for another key. */
export function manualKeyTime(key: string): string | null {
  const m = /^manual-.+-(\d{10,})$/u.exec(key);
  return m?.[1] ? DateTime.fromMillis(Number(m[1]), { zone: "utc" }).toISO() : null;
}

/**
 * How long a digest for the working group stands for a repeat of it: the repeat rule's window
 * (src/digest/repeat.ts `REPEAT_WINDOW_MS`, 60 s), under the name its importers know.
 */
export const MANUAL_REPEAT_MS = REPEAT_WINDOW_MS;

/**
 * BullMQ deduplication (simple mode: the id holds while the job waits, is built and delivered,
 * and is released when it completes or fails) for a manual digest: one per window (`since`, or
 * "auto" for since the previous digest or session) at a time — a double submit, or a second
 * secretary pressing at the same moment, gets the first request's job. Adding a duplicate
 * returns the first job's id. Once a digest is built, whether another request repeats it is the
 * store's repeat rule (src/digest/repeat.ts: nothing new since it, within the minute), checked
 * before enqueuing. Planned kinds need none: their keys are already one per session, cut-off or
 * digest. See BullMQ docs/gitbook/guide/jobs/deduplication.md.
 */
export function deduplication(data: Data): { id: string } | undefined {
  if (data.kind !== "manual") return undefined;
  return { id: `digest-manual-${data.since ?? "auto"}` };
}

/**
 * Builds (or finds, by `key`) the digest and posts it where its kind says. Safe to run twice:
 * the digest is stored once per key and each delivery records its progress (see
 * `publishDigest`). A removed or moved session or cut-off makes a planned job stale. A 429
 * puts the job back for `Retry-After`; other failures are thrown for BullMQ to retry.
 * Returns what it did ("posted", "drafted:<n>", "stale", "skipped" for a cut-off digest that
 * would repeat one posted within the minute, …).
 */
export async function process(data: Data, deps: JobDeps, ctx?: JobContext): Promise<string> {
  try {
    return await run(data, deps);
  } catch (error) {
    const retryIn = rateLimitedFor(error);
    if (retryIn !== null && ctx) {
      await ctx.job.moveToDelayed(Date.now() + retryIn, ctx.token);
      throw new DelayedError();
    }
    const code = platformError(error);
    if (code && PERMANENT_POST_ERRORS.has(code)) {
      // No retry fixes a missing channel: tell the secretary now instead of failing quietly.
      await notifySecretaries(deps, (locale) => ({ text: digestText(locale).postFailed(code) }));
      throw new UnrecoverableError(`digest not posted: ${code}`);
    }
    throw error;
  }
}

async function run(data: Data, deps: JobDeps): Promise<string> {
  const publish: PublishDeps = { ...deps, zone: deps.config.timezone };
  const locale = deps.config.defaultLocale;
  if (data.kind === "post") {
    const digest = data.digestId ? await findDigest(deps.db, data.digestId) : undefined;
    if (!digest) return "digest_gone";
    return postToGroup(publish, deps, data, digest, "digest", locale);
  }
  const stale = await staleReason(data, deps);
  if (stale) return stale;
  if (data.kind !== "session" && !groupChannel(deps, data)) {
    deps.logger.warn({ key: data.key }, "digest not built: set WORKGROUP_CHANNEL_ID");
    return "no_channel";
  }
  const digest = await buildOnce(data, deps);
  const repeat = data.kind === "cutoff" ? await repeats(deps, digest) : undefined;
  if (repeat) {
    deps.logger.info(
      { key: data.key, digest: digest.id, previous: repeat.id },
      "digest skipped: one about the same cut-off was posted within the minute and nothing is new",
    );
    return "skipped";
  }
  if (data.kind === "session") {
    const resolver = createLocaleResolver(deps.slack, locale, {
      db: deps.db,
      slackLocale: deps.config.slackLocale,
    });
    let sent = 0;
    for (const user of await secretaries(deps.db, deps.config)) {
      const dm = await deps.slack.conversations.open({ users: user });
      if (!dm.channel?.id) continue;
      const target = {
        channelId: dm.channel.id,
        purpose: "draft" as const,
        variant: "draft" as const,
      };
      await publishDigest(publish, digest, { ...target, locale: await resolver.forUser(user) });
      sent++;
    }
    return `drafted:${sent}`;
  }
  return postToGroup(
    publish,
    deps,
    data,
    digest,
    data.kind === "cutoff" ? "cutoff" : "digest",
    locale,
  );
}

async function postToGroup(
  publish: PublishDeps,
  deps: JobDeps,
  data: Data,
  digest: StoredDigest,
  variant: DigestVariant,
  locale: Locale,
): Promise<string> {
  const channelId = groupChannel(deps, data);
  if (!channelId) {
    deps.logger.warn({ digest: digest.id }, "digest not posted: set WORKGROUP_CHANNEL_ID");
    return "no_channel";
  }
  await publishDigest(publish, digest, { channelId, purpose: "post", variant, locale });
  return "posted";
}

/** WORKGROUP_CHANNEL_ID, else the channel the digest was asked in; null when neither. */
function groupChannel(deps: JobDeps, data: Data): string | null {
  return deps.config.workgroupChannelId ?? data.channelId ?? null;
}

/** Why a planned job no longer applies (session or cut-off removed or moved), or null. */
async function staleReason(data: Data, deps: JobDeps): Promise<string | null> {
  if (data.kind === "session") {
    const session = data.sessionId ? await findSession(deps.db, data.sessionId) : undefined;
    if (!session) return "session_removed";
    if (data.sessionAt && session.at !== data.sessionAt) return "stale";
  }
  if (data.kind === "cutoff") {
    const cutoff = data.cutoffId ? await findCutoff(deps.db, data.cutoffId) : undefined;
    if (!cutoff) return "cutoff_removed";
    if (data.cutoffAt && cutoff.at !== data.cutoffAt) return "stale";
  }
  return null;
}

/**
 * The digest the after-cut-off `digest` repeats by the repeat rule (src/digest/repeat.ts): one
 * about the same cut-off, for the same window (since the previous digest), built within the
 * minute before it, with nothing new since — posting it would only repeat that one ("Jaunu
 * atbilžu nav."), so it is stored but not posted. Undefined: post it.
 */
async function repeats(deps: JobDeps, digest: StoredDigest): Promise<StoredDigest | undefined> {
  const model = digestModel(digest);
  return repeatOf(deps.db, {
    since: model.requestedSince ?? null,
    at: model.builtAt,
    cutoffId: model.cutoff?.id ?? null,
    own: digest.id,
  });
}

/**
 * The digest stored for `data.key`, built now when there is none. A digest for the working
 * group stored by another request while this one was being built (two at once: `/digest` and
 * the cut-off digest a second apart) was not its previous yet: it is built again, to start
 * where that one ended (`previousDigest` counts one on its way to the group).
 */
async function buildOnce(data: Data, deps: JobDeps): Promise<StoredDigest> {
  const existing = await findDigestByKey(deps.db, data.key);
  if (existing) return existing;
  const programme = await currentProgramme(deps.db);
  if (!programme) throw new Error("no programme in the store");
  const now = deps.clock.now();
  // A request by hand: the cut-off its repeat check found, even when another is active by now;
  // removed since: the active one (so too one of another programme now: buildDigestModel).
  const asked =
    typeof data.aboutCutoffId === "number"
      ? await findCutoff(deps.db, data.aboutCutoffId)
      : undefined;
  const cutoff = data.aboutCutoffId === null ? null : asked;
  const build = () =>
    buildDigestModel(deps.db, {
      now,
      zone: deps.config.timezone,
      since: data.since,
      // The after-cut-off digest is about the cut-off that passed, not the next one ahead.
      ...(data.kind === "cutoff" ? { cutoffId: data.cutoffId } : { cutoff }),
    });
  let model = await build();
  if (!data.since) {
    const latest = await previousDigest(deps.db, model.builtAt);
    if (latest && latest.id !== model.previous?.id) model = await build();
  }
  return insertDigest(deps.db, {
    programmeId: programme.id,
    requestKey: data.key,
    kind: data.kind === "post" ? "manual" : data.kind,
    since: model.since ?? EPOCH,
    builtAt: model.builtAt,
    requestedBy: data.requestedBy,
    locale: deps.config.defaultLocale,
    sessionId: data.sessionId ?? null,
    cutoffId: data.cutoffId ?? null,
    content: JSON.stringify(model),
    postedAt: null,
  });
}
