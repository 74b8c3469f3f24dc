/**
 * Turns of the microtask queue an answer gets before a timer is set. An answer that needs no I/O
 * (a help page for a member the isolate knows) is ready within a few dozen; setting and clearing a
 * timer for it cost more than everything else it did. An answer still pending after them is
 * waiting on I/O, which takes far longer than these turns (microseconds).
 */
export const QUICK_TURNS = 200;

/**
 * Waits for `work` at most `ms`. Platforms need an answer within 3 s; when the work is slower
 * the adapter acknowledges first and delivers the result through a follow-up.
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  if (ms <= 0) return { done: false }; // no time to wait: always take the follow-up path
  const answer = work.then((value) => ({ done: true as const, value }));
  let ready: { done: true; value: T } | undefined;
  let failed = false;
  answer.then(
    (result) => {
      ready = result;
    },
    () => {
      failed = true;
    },
  );
  for (let turn = 0; turn < QUICK_TURNS && !ready && !failed; turn++) await undefined;
  if (ready) return ready;
  if (failed) return await answer; // rethrows, as the race below would
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
