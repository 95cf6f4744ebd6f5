/**
 * A local Slack on one node:http server: the Web API, response_urls, files and a control API.
 * The app's WebClient gets `slackApiUrl: emulator.apiUrl`; tests and the local mode drive the
 * app with `createSlackClient` (./client.ts) and watch what it did here. Routes (./router.ts):
 * `/api/<method>` (./web-api.ts, ./methods/), `POST /response/<id>` (./response-url.ts),
 * `POST /upload/<file id>` and `GET /files/<file id>/<name>` (./methods/files.ts),
 * `GET /archives/<channel>/p<ts>` (a message link, ./archives.ts), and `/_emulator/…`
 * (./control-api.ts). */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ControlTarget } from "./control-api.ts";
import { Faults } from "./faults.ts";
import { sendJson } from "./http.ts";
import { routeRequest } from "./router.ts";
import { persistWorkspace } from "./snapshot-file.ts";
import type {
  AddChannelInput,
  AddUserInput,
  EmulatorChannel,
  EmulatorRecord,
  EmulatorUser,
  FailureSpec,
  PostAsUserInput,
  RateLimitSpec,
  RecordedCall,
  RecordedResponse,
  ResponseUrlContext,
  StoredEphemeral,
  StoredMessage,
  StoredView,
  WorkspaceIdentity,
} from "./types.ts";
import { deleteAsUser, editAsUser, postAsUser, type UserChangeInput } from "./user-messages.ts";
import { waitForRecord } from "./wait-for.ts";
import { DEFAULT_CHANNEL, DEFAULT_IDENTITY, DEFAULT_USER, Workspace } from "./workspace.ts";

/** Type guards for `waitFor` (see ./wait-for.ts). */
export { isCall, isResponse } from "./wait-for.ts";

/** The bot token the emulator accepts unless told otherwise. */
export const DEFAULT_BOT_TOKEN = "xoxb-emulator-koordinators";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default "127.0.0.1". */
  host?: string;
  /** The only token accepted; default {@link DEFAULT_BOT_TOKEN}. */
  botToken?: string;
  /** Overrides of the workspace identity ({@link DEFAULT_IDENTITY}). */
  identity?: Partial<WorkspaceIdentity>;
  /** Start with {@link DEFAULT_USER} and {@link DEFAULT_CHANNEL}; default true. */
  seed?: boolean;
  /** trigger_id lifetime in ms; default 3000 as on Slack. */
  triggerTtlMs?: number;
  /** response_url lifetime in ms; default 30 minutes as on Slack. */
  responseUrlTtlMs?: number;
  /** Clock in epoch milliseconds; default Date.now. */
  now?: () => number;
}

/** A running emulator. Create it with {@link startEmulator}. */
export class SlackEmulator implements ControlTarget {
  /** Base URL, e.g. "http://127.0.0.1:53211". */
  readonly url: string;
  /** Web API base for WebClient's `slackApiUrl`: `${url}/api/`. */
  readonly apiUrl: string;
  private readonly faults = new Faults();
  /** Uploaded files by id, bytes included (see ./methods/files.ts). */
  readonly files: Workspace["files"];

  constructor(
    private readonly server: Server,
    private readonly ws: Workspace,
    readonly botToken: string,
    private readonly seed: boolean,
  ) {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(":") ? `[${address}]` : address;
    this.url = `http://${host}:${port}`;
    this.apiUrl = `${this.url}/api/`;
    this.files = ws.files;
    this.reseed();
  }

  /** Workspace and app identity (team_id, bot user id, …). */
  get identity(): WorkspaceIdentity {
    return this.ws.identity;
  }
  /** Every Web API call, in order. */
  get calls(): readonly RecordedCall[] {
    return this.ws.calls;
  }
  /** Every POST to a response_url, in order (refused ones too, with `ok: false`). */
  get responses(): readonly RecordedResponse[] {
    return this.ws.responses;
  }
  /** Messages per channel id, in posting order (thread replies included). */
  get messages(): ReadonlyMap<string, readonly StoredMessage[]> {
    return this.ws.messages;
  }
  /** Ephemeral messages (chat.postEphemeral, ephemeral response_url answers). */
  get ephemerals(): readonly StoredEphemeral[] {
    return this.ws.ephemerals;
  }
  /** Modals by view id. */
  get views(): ReadonlyMap<string, StoredView> {
    return this.ws.views;
  }

  /** A channel's messages (empty when none). */
  messagesIn(channelId: string): readonly StoredMessage[] {
    return this.ws.messages.get(channelId) ?? [];
  }

  /** The Home tab last published for a user. */
  homeView(userId: string): StoredView | undefined {
    return this.ws.homeViews.get(userId);
  }

  /** A Home tab by its view id (each user's Home keeps its id across publishes). */
  homeViewById(viewId: string): StoredView | undefined {
    return [...this.ws.homeViews.values()].find((v) => v.id === viewId);
  }

  /** A user by id. */
  user(userId: string): EmulatorUser | undefined {
    return this.ws.users.get(userId);
  }

  /** A channel by id. */
  channel(channelId: string): EmulatorChannel | undefined {
    return this.ws.channels.get(channelId);
  }

  /**
   * Resolves with the next record (call or response) matching `predicate`; with
   * `includePast`, an already recorded match resolves at once. Event-driven, no polling.
   * @throws Error after `timeoutMs` (default 5000), listing the last records.
   */
  waitFor<T extends EmulatorRecord>(
    predicate: (r: EmulatorRecord) => r is T,
    timeoutMs?: number,
    options?: { includePast?: boolean },
  ): Promise<T>;
  waitFor(
    predicate: (r: EmulatorRecord) => boolean,
    timeoutMs?: number,
    options?: { includePast?: boolean },
  ): Promise<EmulatorRecord>;
  waitFor(
    predicate: (r: EmulatorRecord) => boolean,
    timeoutMs = 5000,
    options: { includePast?: boolean } = {},
  ): Promise<EmulatorRecord> {
    return waitForRecord(this.ws, predicate, timeoutMs, options.includePast === true);
  }

  /**
   * Issues a response_url `${url}/response/<id>` (random id unless given; the same id gives
   * the same URL). `context` says where in-channel/ephemeral answers land.
   */
  responseUrl(
    id: string = randomBytes(6).toString("hex"),
    context: ResponseUrlContext = {},
  ): string {
    this.ws.registerResponseUrl(id, context);
    return `${this.url}/response/${encodeURIComponent(id)}`;
  }

  /** Issues a trigger_id for views.open, valid once for 3 s (default user: {@link DEFAULT_USER}). */
  triggerId(userId: string = DEFAULT_USER.id): string {
    return this.ws.createTrigger(userId);
  }

  /** Adds a user or updates the given fields of one (`name` defaults to the id). */
  addUser(input: Partial<AddUserInput> & { id: string }): EmulatorUser {
    return this.ws.upsertUser(input);
  }

  /** Adds or replaces a channel; everyone and the bot are members unless told otherwise. */
  addChannel(input: AddChannelInput): EmulatorChannel {
    return this.ws.upsertChannel(input);
  }

  /**
   * Posts a human's message (a thread reply with `threadTs`; a reply's ts means its parent's
   * thread, as in Slack) and returns its ts. Only stores it: send the matching `message` event
   * to the app with the client.
   * @throws ApiError thread_not_found when `threadTs` names no message in the channel.
   * @throws Error for an unknown channel or user.
   */
  postAsUser(input: PostAsUserInput): string {
    return postAsUser(this.ws, input);
  }

  /**
   * Edits a human's message as its author does in Slack: the new text, `edited` stamped. Returns
   * the message before and after. Only stores it: send the `message_changed` event with the
   * client. `userId` is who edits (required).
   * @throws ApiError cant_update_message when `userId` is not the author.
   * @throws Error for an unknown channel or message, or a message the bot posted.
   */
  editAsUser(input: UserChangeInput & { text: string }): {
    previous: StoredMessage;
    message: StoredMessage;
  } {
    return editAsUser(this.ws, input);
  }

  /**
   * Deletes a human's message as its author (or a workspace admin) does in Slack; returns it.
   * Only stores it: send the `message_deleted` event with the client. `userId` is who deletes
   * (required).
   * @throws ApiError cant_delete_message when `userId` is neither the author nor an admin.
   * @throws Error for an unknown channel or message, or a message the bot posted.
   */
  deleteAsUser(input: UserChangeInput): StoredMessage {
    return deleteAsUser(this.ws, input);
  }

  /** Makes the next call of `method` answer only after `ms` milliseconds: a slow Slack. */
  slowNext(method: string, ms: number): void {
    this.faults.slowNext(method, ms);
  }

  /** Queues a failure for the next call of `method` (HTTP status, 429 with Retry-After, or an error). */
  failNext(method: string, spec: FailureSpec): void {
    this.faults.failNext(method, spec);
  }

  /** Limits a method per channel per second (HTTP 429 + Retry-After past it); `null` lifts it. */
  setRateLimit(spec: RateLimitSpec | null): void {
    this.faults.setRateLimit(spec);
  }

  /** Back to a fresh state: no records, messages, views, faults; seeded user and channel. */
  reset(): void {
    this.ws.clear();
    this.faults.clear();
    this.reseed();
  }

  /**
   * Keeps people, conversations and messages in the JSON file `path` across restarts (the
   * local mode: a reminder thread posted before `npm start` was restarted can still be
   * answered). Loads the file when it exists, then writes it (atomically, at most every
   * 250 ms) after every request that reached the emulator, and once more on {@link stop}.
   * A file that cannot be read is set aside as `path.unreadable` and the emulator starts empty.
   */
  async persistTo(path: string): Promise<void> {
    const hooks = await persistWorkspace(this.ws, path);
    this.afterRequest = hooks.afterRequest;
    this.beforeStop = hooks.beforeStop;
  }

  private afterRequest: (() => void) | null = null;
  private beforeStop: (() => Promise<void>) | null = null;

  /** Stops listening and drops open connections (pending long-polls end). */
  async stop(): Promise<void> {
    await this.beforeStop?.();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private reseed(): void {
    if (!this.seed) return;
    this.ws.upsertUser(DEFAULT_USER);
    this.ws.upsertChannel(DEFAULT_CHANNEL);
  }

  /** @internal Routes one request (./router.ts) and lets a persisting emulator save afterwards. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { ws, faults, botToken, url: baseUrl } = this;
    try {
      return await routeRequest(req, res, { target: this, ws, faults, botToken, baseUrl });
    } finally {
      this.afterRequest?.();
    }
  }
}

/** A running emulator (see {@link SlackEmulator} for every member). */
export type Emulator = SlackEmulator;

/**
 * Starts an emulator listening on `host:port` (default 127.0.0.1, a free port).
 * @throws Error when the port cannot be bound.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const ws = new Workspace(
    { ...DEFAULT_IDENTITY, ...options.identity },
    {
      triggerTtlMs: options.triggerTtlMs ?? 3000,
      responseUrlTtlMs: options.responseUrlTtlMs ?? 30 * 60_000,
    },
    options.now ?? Date.now,
  );
  let emulator: SlackEmulator | undefined;
  const server = createServer((req, res) => {
    emulator?.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: "emulator_error", detail: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  emulator = new SlackEmulator(
    server,
    ws,
    options.botToken ?? DEFAULT_BOT_TOKEN,
    options.seed ?? true,
  );
  return emulator;
}
