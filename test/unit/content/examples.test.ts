import { afterEach, describe, expect, it } from 'vitest';
import { exampleIds, run, startExample, stopAll } from './load-example.ts';

/**
 * Every runnable example on the site is invoked by its page with its own sample event, so each must start on a real
 * instance and answer that event, or fail when failing is its lesson (expectError in example.json).
 */
afterEach(stopAll);

describe('runnable examples', () => {
  it.each(exampleIds())('%s answers its own sample event', async (id) => {
    const driver = await startExample(id);
    const outcome = await run(driver, driver.example.event, 'req-1');
    // On failure the whole outcome is shown, with the handler's error in it.
    if (driver.example.expectError) expect(outcome.ok).toBe(false);
    else expect(outcome).toMatchObject({ ok: true, timedOut: false });
  });
});
