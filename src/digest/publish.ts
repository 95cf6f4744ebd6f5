/**
 * Posts a stored digest to one channel: the parent message, the thread's messages, then the
 * chart (PNG) and the whole digest (DOCX) as files in the thread. Each step is recorded in
 * `digest_posts` before the next, so a retried job continues where it stopped; a parent posted
 * just before a crash is found again by its message metadata (`digest_id`).
 * Sources: https://api.slack.com/methods/chat.postMessage, https://api.slack.com/metadata/using
 */
import { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import {
  type DigestPost,
  markDigestPosted,
  type StoredDigest,
  startDigestPost,
  updateDigestPost,
} from "../../db/digests.ts";
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import type { Logger } from "../logger.ts";
import { escapeMrkdwn } from "../slack/fit.ts";
import { formatInstant } from "../slack/render-admin.ts";
import type { SlackWeb } from "../slack/web.ts";
import { type Clock, dateIn } from "../time.ts";
import { type DigestVariant, digestDocument } from "./document.ts";
import type { DigestModel } from "./model.ts";
import { renderDigestParent, renderDigestThread } from "./render-slack.ts";
import { uploadFile } from "./upload.ts";

/** Metadata event type of a digest's parent message. */
export const DIGEST_EVENT_TYPE = "koordinators_digest";

/** What publishing needs. */
export interface PublishDeps {
  db: Db;
  slack: SlackWeb;
  clock: Clock;
  logger: Logger;
  zone: string;
}

/** Where and how: the channel, why (a draft DM or the real post), the language. */
export interface PublishTarget {
  channelId: string;
  purpose: DigestPost["purpose"];
  variant: DigestVariant;
  locale: Locale;
}

/** The stored digest's model. @throws SyntaxError when the stored JSON is damaged. */
export function digestModel(digest: StoredDigest): DigestModel {
  return JSON.parse(digest.content) as DigestModel;
}

/**
 * Posts `digest` to `target` unless it is already there; returns the parent message's ts.
 * @throws the Web API's errors (the job decides about retrying).
 */
export async function publishDigest(
  deps: PublishDeps,
  digest: StoredDigest,
  target: PublishTarget,
): Promise<string> {
  const post = await startDigestPost(deps.db, digest.id, target.channelId, target.purpose);
  if (post.state === "posted" && post.parentTs) return post.parentTs;
  const model = digestModel(digest);
  const doc = digestDocument(model, {
    locale: target.locale,
    zone: deps.zone,
    variant: target.variant,
    id: digest.id,
  });
  const parentTs = post.parentTs ?? (await postParent(deps, digest, target, doc, post.id));
  const thread = renderDigestThread(doc);
  for (let i = post.partsDone; i < thread.length; i++) {
    const part = thread[i];
    if (!part) continue;
    await deps.slack.chat.postMessage({ channel: target.channelId, thread_ts: parentTs, ...part });
    await updateDigestPost(deps.db, post.id, { partsDone: i + 1 });
  }
  await uploadFiles(deps, {
    digest,
    model,
    doc,
    target,
    parentTs,
    done: post.filesDone,
    postId: post.id,
  });
  const at = deps.clock.now().toUTC().toISO() ?? "";
  await updateDigestPost(deps.db, post.id, { postedAt: at });
  if (target.purpose === "post") await markDigestPosted(deps.db, digest.id, at);
  deps.logger.info(
    { digest: digest.id, channel: target.channelId, purpose: target.purpose, parts: thread.length },
    "digest posted",
  );
  return parentTs;
}

async function postParent(
  deps: PublishDeps,
  digest: StoredDigest,
  target: PublishTarget,
  doc: ReturnType<typeof digestDocument>,
  postId: number,
): Promise<string> {
  const found = await findParent(deps.slack, target.channelId, digest.id);
  const t = digestText(target.locale);
  const session = digestModel(digest).nextSession;
  const when = session
    ? `${escapeMrkdwn(session.title)} (${formatInstant(session.at, deps.zone, target.locale)})`
    : "—";
  const message = renderDigestParent(
    doc,
    target.locale,
    target.purpose === "draft" ? { digestId: digest.id, intro: t.draftIntro(when) } : undefined,
  );
  const ts =
    found ??
    String(
      (
        await deps.slack.chat.postMessage({
          channel: target.channelId,
          ...message,
          metadata: {
            event_type: DIGEST_EVENT_TYPE,
            event_payload: { digest_id: digest.id, purpose: target.purpose },
          },
        })
      ).ts,
    );
  await updateDigestPost(deps.db, postId, { parentTs: ts });
  return ts;
}

/** The ts of this digest's parent in the channel's recent history, if it was posted already. */
async function findParent(
  slack: SlackWeb,
  channel: string,
  digestId: number,
): Promise<string | null> {
  const res = await slack.conversations.history({
    channel,
    include_all_metadata: true,
    limit: 100,
  });
  for (const m of res.messages ?? []) {
    const meta = (
      m as { metadata?: { event_type?: string; event_payload?: { digest_id?: unknown } } }
    ).metadata;
    if (
      meta?.event_type === DIGEST_EVENT_TYPE &&
      Number(meta.event_payload?.digest_id) === digestId &&
      m.ts
    )
      return m.ts;
  }
  return null;
}

async function uploadFiles(
  deps: PublishDeps,
  o: {
    digest: StoredDigest;
    model: DigestModel;
    doc: ReturnType<typeof digestDocument>;
    target: PublishTarget;
    parentTs: string;
    done: number;
    postId: number;
  },
): Promise<void> {
  if (o.done >= 2) return;
  const t = digestText(o.target.locale);
  const where = { channelId: o.target.channelId, threadTs: o.parentTs };
  const chart = await (await import("./chart.ts")).renderStatusChart(
    o.model.institutions,
    o.target.locale,
    o.model.cutoff?.title ?? null,
  );
  // The day the digest was built as the working group sees it (just after midnight in Riga is
  // still the previous day in UTC).
  const day = dateIn(DateTime.fromISO(o.model.builtAt, { zone: "utc" }), deps.zone);
  if (o.done < 1) {
    await uploadFile(
      deps.slack,
      {
        filename: `kopsavilkums-${o.digest.id}-${day}.png`,
        title: t.chartTitle(o.model.cutoff?.title ?? null),
        bytes: chart.png,
        altText: t.chartAlt(chart.summary),
      },
      where,
    );
    await updateDigestPost(deps.db, o.postId, { filesDone: 1 });
  }
  const docx = await (await import("./render-docx.ts")).renderDigestDocx(
    o.doc,
    o.model,
    o.target.locale,
    chart,
  );
  await uploadFile(
    deps.slack,
    { filename: `kopsavilkums-${o.digest.id}-${day}.docx`, title: o.doc.title, bytes: docx },
    where,
  );
  await updateDigestPost(deps.db, o.postId, { filesDone: 2 });
}
