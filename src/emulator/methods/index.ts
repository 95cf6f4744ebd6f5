/**
 * The Web API methods the emulator answers, by name. Anything else is `unknown_method`.
 * Method pages: https://api.slack.com/methods/<name>.
 */
import {
  addReaction,
  deleteMessage,
  getPermalink,
  postEphemeral,
  postMessage,
  removeReaction,
  update,
} from "./chat.ts";
import { history, info, list, open, replies } from "./conversations.ts";
import { completeUploadExternal, getUploadUrlExternal } from "./files.ts";
import type { MethodHandler } from "./shared.ts";
import { authTest, usersInfo, usersList } from "./users.ts";
import { openView, publishView, pushView, updateView } from "./views.ts";

/** Handler per Web API method name. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  "auth.test": authTest,
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
  "conversations.history": history,
  "conversations.replies": replies,
  "conversations.info": info,
  "conversations.list": list,
  "conversations.open": open,
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
  "reactions.add": addReaction,
  "reactions.remove": removeReaction,
  "users.info": usersInfo,
  "users.list": usersList,
  "views.open": openView,
  "views.push": pushView,
  "views.update": updateView,
  "views.publish": publishView,
};
