/**
 * What LM's test replies to cut-off `cutoff` share (no task, channel C0LM, by @anna, verified,
 * no claim or files), for `insertReply` with a ts, text, source and times of the test's own.
 */
export function lmReplyBase(cutoff: { id: number }, lmId: number) {
  return {
    cutoffId: cutoff.id,
    institutionId: lmId,
    taskId: null,
    channelId: "C0LM",
    threadTs: null,
    userId: "U0ANNA",
    files: [],
    statusClaim: null,
    verified: true,
  };
}
