/**
 * The local mode's workspace file (see `SlackEmulator.persistTo` in ./server.ts): people,
 * conversations and messages kept as JSON across restarts, written atomically.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Workspace, WorkspaceSnapshot } from "./workspace.ts";

/** Hooks a persisting emulator runs after every request and before it stops. */
export interface PersistHooks {
  afterRequest: () => void;
  beforeStop: () => Promise<void>;
}

/**
 * Loads `path` into `ws` when it exists, and returns the hooks that write it (at most every
 * 250 ms after a request, and once more before stopping).
 */
export async function persistWorkspace(ws: Workspace, path: string): Promise<PersistHooks> {
  const loaded = await readSnapshot(path);
  if (loaded) ws.restore(loaded);
  let timer: NodeJS.Timeout | null = null;
  const save = async () => {
    timer = null;
    await writeSnapshot(path, ws.snapshot()).catch(() => {});
  };
  return {
    afterRequest: () => {
      timer ??= setTimeout(save, 250);
    },
    beforeStop: async () => {
      if (timer) clearTimeout(timer);
      await save();
    },
  };
}

/** The snapshot in `path`; null when there is none, or (set aside as `path.unreadable`) a bad one. */
async function readSnapshot(path: string): Promise<WorkspaceSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const json = JSON.parse(text) as WorkspaceSnapshot;
    if (json.version === 1 && [json.users, json.channels, json.messages].every(Array.isArray))
      return json;
  } catch {}
  await rename(path, `${path}.unreadable`).catch(() => {});
  return null;
}

async function writeSnapshot(path: string, snapshot: WorkspaceSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, path);
}
