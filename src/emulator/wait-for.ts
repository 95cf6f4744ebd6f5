/**
 * Waiting on the emulator's records (Web API calls, response_url posts) without polling:
 * a listener on the workspace resolves the wait the moment a matching record is stored.
 */
import type { EmulatorRecord, RecordedCall, RecordedResponse } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/** Type guard for `waitFor`: a Web API call, optionally of one method and matching `where`. */
export function isCall(
  method?: string,
  where: (call: RecordedCall) => boolean = () => true,
): (r: EmulatorRecord) => r is RecordedCall {
  return (r): r is RecordedCall =>
    r.kind === "call" && (method === undefined || r.method === method) && where(r);
}

/** Type guard for `waitFor`: a response_url post, optionally to one response_url id. */
export function isResponse(id?: string): (r: EmulatorRecord) => r is RecordedResponse {
  return (r): r is RecordedResponse => r.kind === "response" && (id === undefined || r.id === id);
}

function recordsInOrder(ws: Workspace): EmulatorRecord[] {
  return [...ws.calls, ...ws.responses].sort((a, b) => a.seq - b.seq);
}

function describe(records: readonly EmulatorRecord[]): string {
  const last = records
    .slice(-10)
    .map((r) =>
      r.kind === "call" ? `${r.method}(${r.ok ? "ok" : r.error})` : `response ${r.id}(${r.status})`,
    );
  return last.length > 0 ? last.join(", ") : "nothing";
}

/**
 * Resolves with the next record matching `predicate`, or with the earliest already stored
 * one when `includePast`.
 * @param timeoutMs how long to wait, in milliseconds.
 * @throws Error on timeout, naming the last ten records to show what happened instead.
 */
export function waitForRecord(
  ws: Workspace,
  predicate: (r: EmulatorRecord) => boolean,
  timeoutMs: number,
  includePast: boolean,
): Promise<EmulatorRecord> {
  if (includePast) {
    const past = recordsInOrder(ws).find(predicate);
    if (past) return Promise.resolve(past);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      const seen = describe(recordsInOrder(ws));
      reject(new Error(`waitFor timed out after ${timeoutMs} ms; last records: ${seen}`));
    }, timeoutMs);
    const unsubscribe = ws.onRecord((record) => {
      if (!predicate(record)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(record);
    });
  });
}
