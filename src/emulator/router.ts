/**
 * Routes one request to the emulator (./server.ts) by path: files, message links, the Web API,
 * response_urls and the control API; anything else is a 404.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleArchive, isArchivePath } from "./archives.ts";
import { type ControlTarget, handleControl } from "./control-api.ts";
import type { Faults } from "./faults.ts";
import { readBody, sendJson } from "./http.ts";
import { handleFileRoute, isFileRoute } from "./methods/files.ts";
import { handleResponseUrl } from "./response-url.ts";
import { handleWebApi } from "./web-api.ts";
import type { Workspace } from "./workspace.ts";

/** What a request is routed against: the emulator (for the control API) and its state. */
export interface RouteDeps {
  target: ControlTarget;
  ws: Workspace;
  faults: Faults;
  botToken: string;
  /** The emulator's base URL. */
  baseUrl: string;
}

export async function routeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { target, ws, faults, botToken, baseUrl }: RouteDeps,
): Promise<void> {
  const url = new URL(req.url ?? "/", baseUrl);
  const path = url.pathname;
  if (isFileRoute(path)) return handleFileRoute(req, res, ws, botToken);
  if (req.method === "GET" && isArchivePath(path)) return handleArchive(res, ws, path);
  const body = await readBody(req);
  const deps = { ws, faults, botToken, baseUrl };
  if (path.startsWith("/api/")) {
    return handleWebApi(req, res, deps, path.slice("/api/".length), body, url.searchParams);
  }
  if (path.startsWith("/response/") && req.method === "POST") {
    const id = decodeURIComponent(path.slice("/response/".length));
    return handleResponseUrl(req, res, ws, id, `${baseUrl}${path}`, body);
  }
  if (path === "/_emulator" || path.startsWith("/_emulator/")) {
    const route = path.slice("/_emulator".length).replace(/^\//, "");
    return handleControl(req, res, target, ws, route, url.searchParams, body);
  }
  sendJson(res, 404, { ok: false, error: "not_found" });
}
