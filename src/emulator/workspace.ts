/**
 * The emulated workspace's in-memory state: people, conversations, messages, views, the
 * one-time tokens Slack hands out (trigger ids, response_urls) and the record of everything
 * the app did. Method handlers mutate it; `record` notifies `waitFor` listeners.
 */
import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import type {
  AddChannelInput,
  AddUserInput,
  EmulatorChannel,
  EmulatorRecord,
  EmulatorUser,
  RecordedCall,
  RecordedResponse,
  ResponseUrlContext,
  StoredEphemeral,
  StoredFile,
  StoredMessage,
  StoredView,
  WorkspaceIdentity,
} from "./types.ts";

/** Default identity of the emulated workspace and its app. */
export const DEFAULT_IDENTITY: WorkspaceIdentity = {
  teamId: "T0KOORD01",
  teamDomain: "koordinators-local",
  appId: "A0KOORD01",
  botUserId: "U0KOORDBOT",
  botId: "B0KOORDBOT",
  botName: "koordinators",
};

/** The person a fresh emulator knows, so the local mode works without setup. */
export const DEFAULT_USER: AddUserInput = { id: "U0LOCAL01", name: "local.user", locale: "en-US" };

/** The channel a fresh emulator has, with everyone (and the bot) in it. */
export const DEFAULT_CHANNEL: AddChannelInput = { id: "C0LOCAL01", name: "general" };

/** Default zone of emulated users: the working group sits in Riga. */
export const DEFAULT_TZ = "Europe/Riga";

/** Why a response_url POST was refused: Slack answers these with HTTP 404. */
export type ResponseUrlRefusal = "invalid_url" | "used_url" | "expired_url";

/** Slack allows 5 posts per response_url within 30 minutes. Source: https://api.slack.com/interactivity/handling#message_responses */
export const RESPONSE_URL_MAX_USES = 5;

interface TriggerState {
  userId: string;
  expiresAt: number;
  used: boolean;
}

interface ResponseUrlState {
  uses: number;
  expiresAt: number;
  context: ResponseUrlContext;
}

/**
 * What outlives a restart of the local app (see `SlackEmulator.persistTo`): people,
 * conversations and messages. Records, views, files and one-time tokens are not kept (Slack's
 * own tokens expire within minutes anyway).
 */
export interface WorkspaceSnapshot {
  version: 1;
  users: EmulatorUser[];
  channels: EmulatorChannel[];
  messages: StoredMessage[];
}

/** Timing knobs, in milliseconds. */
export interface WorkspaceTimings {
  /** How long a trigger_id stays valid; Slack: 3 s. */
  triggerTtlMs: number;
  /** How long a response_url stays valid; Slack: 30 min. */
  responseUrlTtlMs: number;
}

/** In-memory state of one emulated workspace. `now` returns epoch milliseconds. */
export class Workspace {
  // Live collections: method handlers mutate them, the Emulator exposes them read-only.
  readonly users = new Map<string, EmulatorUser>();
  readonly channels = new Map<string, EmulatorChannel>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: StoredEphemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly homeViews = new Map<string, StoredView>();
  /** Uploaded files by id (see ./methods/files.ts). */
  readonly files = new Map<string, StoredFile>();
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  private readonly triggers = new Map<string, TriggerState>();
  private readonly responseUrls = new Map<string, ResponseUrlState>();
  private readonly listeners = new Set<(record: EmulatorRecord) => void>();
  private lastMicros = 0;
  private seq = 0;
  private idCounter = 0;

  constructor(
    readonly identity: WorkspaceIdentity,
    readonly timings: WorkspaceTimings,
    readonly now: () => number,
  ) {}

  /** A fresh message ts ("1732881234.000100"): unique and strictly increasing. */
  nextTs(): string {
    this.lastMicros = Math.max(this.now() * 1000, this.lastMicros + 1);
    const seconds = Math.floor(this.lastMicros / 1_000_000);
    return `${seconds}.${String(this.lastMicros % 1_000_000).padStart(6, "0")}`;
  }

  /** A fresh id with Slack's look: prefix + 10 upper-case base-36 characters. */
  newId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${this.idCounter.toString(36).toUpperCase().padStart(10, "0")}`;
  }

  /** Adds a user, or updates the fields given for an existing one. */
  upsertUser(input: Partial<AddUserInput> & { id: string }): EmulatorUser {
    const existing = this.users.get(input.id);
    const user: EmulatorUser = {
      id: input.id,
      name: input.name ?? existing?.name ?? input.id.toLowerCase(),
      locale: input.locale ?? existing?.locale ?? "en-US",
      tz: input.tz ?? existing?.tz ?? DEFAULT_TZ,
      isBot: input.isBot ?? existing?.isBot ?? false,
    };
    const deleted = input.deleted ?? existing?.deleted;
    if (deleted) user.deleted = true;
    if (input.isAdmin ?? existing?.isAdmin) user.isAdmin = true;
    this.users.set(user.id, user);
    return user;
  }

  /** Adds or replaces a channel (keeping its messages). */
  upsertChannel(input: AddChannelInput): EmulatorChannel {
    const channel: EmulatorChannel = {
      id: input.id,
      name: input.name,
      members: input.members ?? null,
      botIsMember: input.botIsMember ?? true,
      isIm: false,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The bot's direct-message channel with a user ("D…"), opened on first use. */
  imWith(userId: string): EmulatorChannel {
    const existing = [...this.channels.values()].find((c) => c.isIm && c.members?.includes(userId));
    if (existing) return existing;
    const channel: EmulatorChannel = {
      id: `D${userId.replace(/^[UW]/, "")}`,
      name: userId,
      members: [userId],
      botIsMember: true,
      isIm: true,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Whether a user may see a channel: listed as member, or the channel is open to all. */
  isMember(channel: EmulatorChannel, userId: string): boolean {
    if (userId === this.identity.botUserId) return channel.botIsMember;
    return channel.members === null || channel.members.includes(userId);
  }

  /** Messages of a channel in posting order (the live array). */
  messagesIn(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  /** A channel's message by ts (top-level or reply), if any. */
  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.ts === ts);
  }

  /** UTC offset of a user's zone now, in seconds, as users.info reports `tz_offset`. */
  tzOffsetSeconds(tz: string): number {
    return DateTime.fromMillis(this.now()).setZone(tz).offset * 60;
  }

  /** Issues a trigger_id for a user, valid for `timings.triggerTtlMs`, usable once. */
  createTrigger(userId: string): string {
    this.idCounter += 1;
    const id = `${Math.floor(this.now() / 1000)}.${this.idCounter}.${randomBytes(8).toString("hex")}`;
    this.triggers.set(id, {
      userId,
      expiresAt: this.now() + this.timings.triggerTtlMs,
      used: false,
    });
    return id;
  }

  /** Uses a trigger_id up; `undefined` when unknown, expired or already used. */
  consumeTrigger(id: string): { userId: string } | undefined {
    const trigger = this.triggers.get(id);
    if (!trigger || trigger.used || trigger.expiresAt < this.now()) return undefined;
    trigger.used = true;
    return { userId: trigger.userId };
  }

  /** Registers a response_url id (idempotent), valid for `timings.responseUrlTtlMs`. */
  registerResponseUrl(id: string, context: ResponseUrlContext): void {
    if (this.responseUrls.has(id)) return;
    const expiresAt = this.now() + this.timings.responseUrlTtlMs;
    this.responseUrls.set(id, { uses: 0, expiresAt, context });
  }

  /** Says whether a response_url may be used now, without using it up. */
  checkResponseUrl(id: string): ResponseUrlContext | ResponseUrlRefusal {
    const state = this.responseUrls.get(id);
    if (!state) return "invalid_url";
    if (state.expiresAt < this.now()) return "expired_url";
    if (state.uses >= RESPONSE_URL_MAX_USES) return "used_url";
    return state.context;
  }

  /** Counts one successful use of a registered response_url. */
  countResponseUrlUse(id: string): void {
    const state = this.responseUrls.get(id);
    if (state) state.uses += 1;
  }

  /** The next sequence number for a record (shared by calls and responses). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Stores a record and tells every `onRecord` listener. */
  record(entry: EmulatorRecord): void {
    if (entry.kind === "call") this.calls.push(entry);
    else this.responses.push(entry);
    for (const listener of [...this.listeners]) listener(entry);
  }

  /** Subscribes to new records; returns the unsubscribe function. */
  onRecord(listener: (record: EmulatorRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** People, conversations and messages, as plain JSON data. */
  snapshot(): WorkspaceSnapshot {
    return {
      version: 1,
      users: [...this.users.values()],
      channels: [...this.channels.values()],
      messages: [...this.messages.values()].flat(),
    };
  }

  /**
   * Adds a snapshot's people, conversations and messages (replacing same ids); new message
   * ts values continue after the newest restored one, so they stay unique and increasing.
   */
  restore(snapshot: WorkspaceSnapshot): void {
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const channel of snapshot.channels) this.channels.set(channel.id, channel);
    for (const message of snapshot.messages) {
      this.messagesIn(message.channel).push(message);
      const [seconds = "0", micros = "0"] = message.ts.split(".");
      this.lastMicros = Math.max(this.lastMicros, Number(seconds) * 1_000_000 + Number(micros));
    }
  }

  /** Forgets everything: records, messages, views, tokens, people and channels. */
  clear(): void {
    for (const collection of [this.users, this.channels, this.messages, this.views]) {
      collection.clear();
    }
    this.homeViews.clear();
    this.files.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.ephemerals.length = 0;
    this.calls.length = 0;
    this.responses.length = 0;
  }
}
