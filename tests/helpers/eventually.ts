/**
 * Retries `check` every `everyMs` (default 50) until it holds; rejects after `timeoutMs`
 * (default 5000). For what a timer of the code under test does (a poll, a refresh).
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
