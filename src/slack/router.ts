import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";

/** What a block-action handler gets: Bolt's arguments for a `block_actions` payload. */
export type ActionArgs<A extends BlockAction = BlockAction> = SlackActionMiddlewareArgs<A> &
  AllMiddlewareArgs;
/** What an event handler gets: Bolt's arguments for an Events API event of type `E`. */
export type EventArgs<E extends string = string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;
/** What a view-submission handler gets: Bolt's arguments for a `view_submission`. */
export type ViewArgs<V extends SlackViewAction = SlackViewAction> = SlackViewMiddlewareArgs<V> &
  AllMiddlewareArgs;

type Handler<Args> = (args: Args) => Promise<void>;

/** Where listener modules register their handlers (see {@link ListenerRouter}). */
export interface Listeners {
  /** A handler for block actions whose `action_id` is `id`, or matches it when a RegExp. */
  action<A extends BlockAction>(id: string | RegExp, handler: Handler<ActionArgs<A>>): void;
  /** A handler for Events API events of `type` ("message", "app_home_opened", …). */
  event<E extends string>(type: E, handler: Handler<EventArgs<E>>): void;
  /** A handler for the `view_submission` of views whose `callback_id` is `callbackId`. */
  view<V extends SlackViewAction>(callbackId: string, handler: Handler<ViewArgs<V>>): void;
}

/**
 * Collects the app's action, event and view handlers and mounts them on Bolt as one global
 * middleware, which picks the handler by `action_id`, event type or `callback_id`. Bolt runs
 * every listener's middleware on every request it receives (a listener's matcher is
 * middleware): eleven listeners cost each `/task` ~50 µs of CPU under load, one per kind still
 * ~25 µs more than the command's own listener alone.
 * Handlers get exactly Bolt's arguments, as they would from `app.action` and the like.
 * @throws Error at registration when an action id, event type or callback id is registered twice.
 */
export class ListenerRouter implements Listeners {
  readonly #actions = new Map<string, Handler<ActionArgs>>();
  readonly #actionPatterns: Array<[RegExp, Handler<ActionArgs>]> = [];
  readonly #events = new Map<string, Handler<EventArgs>>();
  readonly #views = new Map<string, Handler<ViewArgs>>();

  action<A extends BlockAction>(id: string | RegExp, handler: Handler<ActionArgs<A>>): void {
    // Bolt casts the same way: the payload's type is known only from the id it was sent with.
    const h = handler as unknown as Handler<ActionArgs>;
    if (typeof id !== "string") this.#actionPatterns.push([id, h]);
    else add(this.#actions, id, h, "action");
  }

  event<E extends string>(type: E, handler: Handler<EventArgs<E>>): void {
    add(this.#events, type, handler as unknown as Handler<EventArgs>, "event");
  }

  view<V extends SlackViewAction>(callbackId: string, handler: Handler<ViewArgs<V>>): void {
    add(this.#views, callbackId, handler as unknown as Handler<ViewArgs>, "view");
  }

  /**
   * Mounts the handlers on `app` as one global middleware (https://tools.slack.dev/bolt-js/concepts/global-middleware)
   * that dispatches `block_actions`, Events API events and `view_submission`s by id and, for
   * anything else (slash commands: their own listener), passes the request on. A handled
   * request goes no further, so no listener's middleware runs for it, and a command meets one
   * listener, as in a bare Bolt app. A block action nobody handles is acknowledged (Slack
   * shows the user an error otherwise,
   * https://api.slack.com/interactivity/handling#acknowledgment_response) and reported to
   * `unhandled` with its `action_id`; an event or view nobody handles is passed on.
   */
  mount(app: App, unhandled: (actionId: string) => void): void {
    app.use(async (args) => {
      const type = (args.body as { type?: string }).type;
      if (type === "block_actions") {
        const action = args as unknown as ActionArgs;
        const id = action.action.action_id;
        const handler =
          this.#actions.get(id) ?? this.#actionPatterns.find(([pattern]) => pattern.test(id))?.[1];
        if (handler) return handler(action);
        await action.ack();
        unhandled(id);
        return;
      }
      if (type === "event_callback") {
        const event = args as unknown as EventArgs;
        const handler = this.#events.get(event.event.type);
        if (handler) return handler(event);
      }
      if (type === "view_submission") {
        const view = args as unknown as ViewArgs;
        const handler = this.#views.get(view.view.callback_id);
        if (handler) return handler(view);
      }
      await args.next();
    });
  }
}

function add<H>(map: Map<string, H>, key: string, handler: H, kind: string): void {
  if (map.has(key)) throw new Error(`${kind} "${key}" has two handlers`);
  map.set(key, handler);
}
