/**
 * Waits for `work` at most `ms`. Platforms need an answer within 3 s; when the work is slower
 * the adapter acknowledges first and delivers the result through a follow-up.
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  if (ms <= 0) return { done: false }; // no time to wait: always take the follow-up path
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
