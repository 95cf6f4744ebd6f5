import type { Db } from "./client.ts";

/** Why a digest was built: by hand (`/digest`, CLI), before a session, or at a cut-off. */
export type DigestKind = "manual" | "session" | "cutoff";

/** A stored digest. `content` is the digest model (JSON, see src/digest/model.ts). */
export interface StoredDigest {
  id: number;
  programmeId: number;
  requestKey: string;
  kind: DigestKind;
  since: string;
  builtAt: string;
  requestedBy: string;
  locale: string;
  sessionId: number | null;
  cutoffId: number | null;
  content: string;
  postedAt: string | null;
}

/** Where a digest went (see `DigestPostsTable`). */
export interface DigestPost {
  id: number;
  digestId: number;
  channelId: string;
  purpose: "draft" | "post";
  state: "posting" | "posted";
  parentTs: string | null;
  partsDone: number;
  filesDone: number;
}

const COLUMNS = [
  "id",
  "programme_id",
  "request_key",
  "kind",
  "since",
  "built_at",
  "requested_by",
  "locale",
  "session_id",
  "cutoff_id",
  "content",
  "posted_at",
] as const;

type Row = {
  id: number;
  programme_id: number;
  request_key: string;
  kind: string;
  since: string;
  built_at: string;
  requested_by: string;
  locale: string;
  session_id: number | null;
  cutoff_id: number | null;
  content: string;
  posted_at: string | null;
};

function toDigest(r: Row): StoredDigest {
  return {
    id: r.id,
    programmeId: r.programme_id,
    requestKey: r.request_key,
    kind: r.kind as DigestKind,
    since: r.since,
    builtAt: r.built_at,
    requestedBy: r.requested_by,
    locale: r.locale,
    sessionId: r.session_id,
    cutoffId: r.cutoff_id,
    content: r.content,
    postedAt: r.posted_at,
  };
}

/**
 * Stores a digest unless one with the same `requestKey` exists (a retried job); returns the
 * stored one either way.
 */
export async function insertDigest(db: Db, d: Omit<StoredDigest, "id">): Promise<StoredDigest> {
  await db
    .insertInto("digests")
    .values({
      programme_id: d.programmeId,
      request_key: d.requestKey,
      kind: d.kind,
      since: d.since,
      built_at: d.builtAt,
      requested_by: d.requestedBy,
      locale: d.locale,
      session_id: d.sessionId,
      cutoff_id: d.cutoffId,
      content: d.content,
      posted_at: d.postedAt,
    })
    .onConflict((oc) => oc.column("request_key").doNothing())
    .execute();
  const stored = await findDigestByKey(db, d.requestKey);
  if (!stored) throw new Error("digest not stored");
  return stored;
}

/** A digest by id, or undefined. */
export async function findDigest(db: Db, id: number): Promise<StoredDigest | undefined> {
  const row = await db
    .selectFrom("digests")
    .select(COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toDigest(row) : undefined;
}

/** The digest built for a request key, or undefined. */
export async function findDigestByKey(db: Db, key: string): Promise<StoredDigest | undefined> {
  const row = await db
    .selectFrom("digests")
    .select(COLUMNS)
    .where("request_key", "=", key)
    .executeTakeFirst();
  return row ? toDigest(row) : undefined;
}

/** The most recent digests, newest first (at most `limit`). */
export async function listDigests(db: Db, limit = 20): Promise<StoredDigest[]> {
  const rows = await db
    .selectFrom("digests")
    .select(COLUMNS)
    .orderBy("built_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toDigest);
}

/**
 * How long a digest built for the working group (`/digest`, the CLI's `--post`, the cut-off
 * digest) and not yet posted counts as on its way there: its delivery (chart, DOCX) takes
 * seconds. Within it a digest built next starts where this one ended, so two digests built a
 * moment apart never both list the same replies (a fresh user's finding: `/digest` at 04:18:59
 * and the cut-off digest at 04:19:00 both "kopš sākuma"). 60 s, as `MANUAL_REPEAT_MS`.
 */
export const DIGEST_IN_FLIGHT_MS = 60_000;

/**
 * The latest digest posted to the working group before `beforeIso` (UTC ISO), or one on its way
 * there (kind manual or cutoff, built within {@link DIGEST_IN_FLIGHT_MS} before `beforeIso`, not
 * yet posted), or undefined: what "the previous" is. Drafts never posted and deliveries that
 * failed longer ago do not count — their changes have not reached the working group.
 */
export async function previousDigest(db: Db, beforeIso: string): Promise<StoredDigest | undefined> {
  const inFlightFrom = new Date(Date.parse(beforeIso) - DIGEST_IN_FLIGHT_MS).toISOString();
  const row = await db
    .selectFrom("digests")
    .select(COLUMNS)
    .where("built_at", "<", beforeIso)
    .where((eb) =>
      eb.or([
        eb("posted_at", "is not", null),
        eb.and([eb("kind", "in", ["manual", "cutoff"]), eb("built_at", ">=", inFlightFrom)]),
      ]),
    )
    .orderBy("built_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toDigest(row) : undefined;
}

/**
 * Digests for the working group — manual (`/digest`, the Home button, the CLI's `--post`) and
 * after a cut-off — built in [`fromIso`, `untilIso`] (UTC ISO), newest first: the candidates for
 * a repeat of a request (src/digest/repeat.ts). Session drafts are not among them.
 */
export async function groupDigestsBuilt(
  db: Db,
  fromIso: string,
  untilIso: string,
): Promise<StoredDigest[]> {
  const rows = await db
    .selectFrom("digests")
    .select(COLUMNS)
    .where("kind", "in", ["manual", "cutoff"])
    .where("built_at", ">=", fromIso)
    .where("built_at", "<=", untilIso)
    .orderBy("built_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toDigest);
}

/** Records that a digest reached the working group. */
export async function markDigestPosted(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable("digests")
    .set({ posted_at: at })
    .where("id", "=", id)
    .where("posted_at", "is", null)
    .execute();
}

const POST_COLUMNS = [
  "id",
  "digest_id",
  "channel_id",
  "purpose",
  "state",
  "parent_ts",
  "parts_done",
  "files_done",
] as const;

/** The delivery of a digest to a channel, created in state "posting" on first call. */
export async function startDigestPost(
  db: Db,
  digestId: number,
  channelId: string,
  purpose: DigestPost["purpose"],
): Promise<DigestPost> {
  await db
    .insertInto("digest_posts")
    .values({ digest_id: digestId, channel_id: channelId, purpose, state: "posting" })
    .onConflict((oc) => oc.columns(["digest_id", "channel_id"]).doNothing())
    .execute();
  const r = await db
    .selectFrom("digest_posts")
    .select(POST_COLUMNS)
    .where("digest_id", "=", digestId)
    .where("channel_id", "=", channelId)
    .executeTakeFirstOrThrow();
  return {
    id: r.id,
    digestId: r.digest_id,
    channelId: r.channel_id,
    purpose: r.purpose as DigestPost["purpose"],
    state: r.state as DigestPost["state"],
    parentTs: r.parent_ts,
    partsDone: r.parts_done,
    filesDone: r.files_done,
  };
}

/**
 * Where digest `digestId` was posted to the working group (its parent message), or undefined
 * while that delivery has no parent message yet. Drafts in DMs do not count.
 */
export async function groupPostOf(
  db: Db,
  digestId: number,
): Promise<{ channelId: string; parentTs: string } | undefined> {
  const r = await db
    .selectFrom("digest_posts")
    .select(["channel_id", "parent_ts"])
    .where("digest_id", "=", digestId)
    .where("purpose", "=", "post")
    .where("parent_ts", "is not", null)
    .orderBy("id")
    .executeTakeFirst();
  return r?.parent_ts ? { channelId: r.channel_id, parentTs: r.parent_ts } : undefined;
}

/**
 * True when `threadTs` in `channelId` is the parent message of a digest's post to the working
 * group (`digest_posts`, purpose "post"; a draft sent to the secretary's DM does not count).
 */
export async function isGroupPostThread(
  db: Db,
  channelId: string,
  threadTs: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("digest_posts")
    .select("id")
    .where("channel_id", "=", channelId)
    .where("parent_ts", "=", threadTs)
    .where("purpose", "=", "post")
    .executeTakeFirst();
  return row !== undefined;
}

/** Records progress of a delivery (parent ts, thread parts and files sent, done). */
export async function updateDigestPost(
  db: Db,
  id: number,
  v: Partial<{ parentTs: string; partsDone: number; filesDone: number; postedAt: string }>,
): Promise<void> {
  await db
    .updateTable("digest_posts")
    .set({
      ...(v.parentTs !== undefined ? { parent_ts: v.parentTs } : {}),
      ...(v.partsDone !== undefined ? { parts_done: v.partsDone } : {}),
      ...(v.filesDone !== undefined ? { files_done: v.filesDone } : {}),
      ...(v.postedAt !== undefined ? { state: "posted", posted_at: v.postedAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}
