/**
 * views.open/push/update/publish. Views are validated with {@link validateView} and refused
 * with `invalid_arguments` plus Slack's `response_metadata.messages`, as on
 * https://api.slack.com/methods/views.open. A trigger_id is valid once, for 3 s.
 */
import { randomBytes } from "node:crypto";
import { validateView } from "../../slack/block-limits.ts";
import { ApiError, invalidArguments, optionalString } from "../args.ts";
import type { ApiArgs, StoredView } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodHandler } from "./shared.ts";

function readView(args: ApiArgs, surface: "modal" | "home"): Record<string, unknown> {
  const view = args.view;
  if (view === undefined || view === "") throw invalidArguments(["missing required field: view"]);
  if (typeof view !== "object" || view === null || Array.isArray(view)) {
    throw invalidArguments(["failed to match all allowed schemas [json-pointer:/view]"]);
  }
  const problems = validateView(view, surface);
  if (problems.length > 0) throw invalidArguments(problems);
  return view as Record<string, unknown>;
}

function newHash(ws: Workspace): string {
  return `${Math.floor(ws.now() / 1000)}.${randomBytes(4).toString("hex")}`;
}

/** A stored view as Slack returns it: the app's view plus id, hash, state and ownership. */
export function viewToWire(ws: Workspace, stored: StoredView): Record<string, unknown> {
  return {
    ...stored.view,
    id: stored.id,
    team_id: ws.identity.teamId,
    type: stored.type,
    private_metadata: stored.view.private_metadata ?? "",
    callback_id: stored.view.callback_id ?? "",
    external_id: stored.view.external_id ?? "",
    state: { values: {} },
    hash: stored.hash,
    root_view_id: stored.rootViewId,
    previous_view_id: stored.previousViewId,
    app_id: ws.identity.appId,
    bot_id: ws.identity.botId,
  };
}

function consumeTrigger(ws: Workspace, args: ApiArgs): string {
  const triggerId = optionalString(args, "trigger_id");
  if (triggerId === undefined) throw invalidArguments(["missing required field: trigger_id"]);
  const trigger = ws.consumeTrigger(triggerId);
  if (!trigger) throw new ApiError("expired_trigger_id");
  return trigger.userId;
}

function storeModal(
  ws: Workspace,
  view: Record<string, unknown>,
  userId: string,
  previous?: StoredView,
): StoredView {
  const id = ws.newId("V");
  const stored: StoredView = {
    id,
    type: "modal",
    userId,
    hash: newHash(ws),
    rootViewId: previous?.rootViewId ?? id,
    previousViewId: previous?.id ?? null,
    view,
  };
  ws.views.set(id, stored);
  return stored;
}

/** views.open. Errors: invalid_arguments (view problems, missing trigger_id), expired_trigger_id. */
export const openView: MethodHandler = ({ args, ws }) => {
  const view = readView(args, "modal");
  const userId = consumeTrigger(ws, args);
  return { view: viewToWire(ws, storeModal(ws, view, userId)) };
};

/** views.push: stacks a modal on the user's latest one. Errors as {@link openView}. */
export const pushView: MethodHandler = ({ args, ws }) => {
  const view = readView(args, "modal");
  const userId = consumeTrigger(ws, args);
  const previous = [...ws.views.values()].filter((v) => v.userId === userId).at(-1);
  return { view: viewToWire(ws, storeModal(ws, view, userId, previous)) };
};

function checkHash(args: ApiArgs, stored: StoredView): void {
  const hash = optionalString(args, "hash");
  if (hash !== undefined && hash !== stored.hash) throw new ApiError("hash_conflict");
}

/** views.update by `view_id` or `external_id`. Errors: invalid_arguments, not_found, hash_conflict. */
export const updateView: MethodHandler = ({ args, ws }) => {
  const viewId = optionalString(args, "view_id");
  const externalId = optionalString(args, "external_id");
  if (viewId === undefined && externalId === undefined) {
    throw invalidArguments(["must provide view_id or external_id"]);
  }
  const view = readView(args, "modal");
  const stored = [...ws.views.values()].find((v) =>
    viewId !== undefined ? v.id === viewId : v.view.external_id === externalId,
  );
  if (!stored) throw new ApiError("not_found");
  checkHash(args, stored);
  stored.view = view;
  stored.hash = newHash(ws);
  return { view: viewToWire(ws, stored) };
};

/** views.publish: a user's Home tab. Errors: invalid_arguments, user_not_found, hash_conflict. */
export const publishView: MethodHandler = ({ args, ws }) => {
  const userId = optionalString(args, "user_id");
  if (userId === undefined) throw invalidArguments(["missing required field: user_id"]);
  if (!ws.users.has(userId)) throw new ApiError("user_not_found");
  const view = readView(args, "home");
  const previous = ws.homeViews.get(userId);
  if (previous) checkHash(args, previous);
  const id = previous?.id ?? ws.newId("V");
  const stored: StoredView = {
    id,
    type: "home",
    userId,
    hash: newHash(ws),
    rootViewId: id,
    previousViewId: null,
    view,
  };
  ws.homeViews.set(userId, stored);
  return { view: viewToWire(ws, stored) };
};
