/**
 * The fields of one reply in `npm run cli -- replies --json`, in their order: a contract (the
 * README's replies paragraph names them). `storedAt` came after the others and sits beside
 * `receivedAt`, `late` (received after the cut-off's time) after it, `supplement` (late, the
 * task answered in time) after that; no field was renamed or dropped.
 */
export const REPLY_JSON_FIELDS = [
  "id",
  "institution",
  "task",
  "user",
  "verified",
  "statusClaim",
  "source",
  "text",
  "files",
  "receivedAt",
  "storedAt",
  "late",
  "supplement",
  "editedAt",
  "withdrawnAt",
] as const;
