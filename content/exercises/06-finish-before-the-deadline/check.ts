import { defineChecks, expectOk, expectThat, show, type CheckedInvocation, type Harness } from '../../../playground/workshop/check-api.ts';

interface Photo {
  key: string;
  sizeKb: number;
}

interface Answer {
  done?: unknown;
  left?: unknown;
}

// Photo n takes 200-290 ms of simulated work (1 ms per KB).
const batch = (count: number): Photo[] =>
  Array.from({ length: count }, (_, n) => ({ key: `photos/${String(n + 1).padStart(2, '0')}.jpg`, sizeKb: 200 + ((n * 37) % 10) * 10 }));

// About 0.7 s of work: fits the 2 s timeout with plenty to spare.
const small = batch(3);
// About 4.9 s of work: no way to finish it in 2 s.
const large = batch(20);

const TIMEOUT_MS = 2000;
/**
 * The time the answer must leave unused. Every photo takes under 300 ms, so an answer that starts a photo whenever the
 * time left covers that photo always ends with less than this to spare, however late the machine runs.
 */
const MARGIN_MS = 300;

const keysOf = (list: unknown): unknown[] =>
  Array.isArray(list) ? list.map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { key?: unknown } | null)?.key)) : [];

// Two checks judge the same large batch. It is invoked once per run of the checks (every run gets a fresh harness),
// so a learner's timeout costs its 2 s once, and the whole run stays well inside a test's time limit.
const largeRuns = new WeakMap<Harness, Promise<CheckedInvocation>>();
function runLarge(fn: Harness): Promise<CheckedInvocation> {
  let run = largeRuns.get(fn);
  if (!run) {
    run = fn.invoke({ photos: large });
    largeRuns.set(fn, run);
  }
  return run;
}

function expectLargeOk(result: CheckedInvocation): void {
  expectThat(result.error?.errorType !== 'Sandbox.Timedout', {
    en: `A batch of ${large.length} photos timed out (${result.error?.errorMessage}). Check context.getRemainingTimeInMillis() before each photo and stop while there is still time to return.`,
    'zh-cn': `${large.length} 张照片的批次超时了（${result.error?.errorMessage}）。每处理一张照片前先看看 context.getRemainingTimeInMillis()，在还来得及返回的时候停下。`,
  });
  expectOk(result);
}

export default defineChecks([
  {
    title: { en: 'Finishes a small batch completely', 'zh-cn': '小批次全部处理完' },
    async run(fn) {
      const result = await fn.invoke({ photos: small });
      expectOk(result);
      const answer = result.value as Answer;
      const expected = small.map((photo) => photo.key);
      expectThat(JSON.stringify(answer?.done) === JSON.stringify(expected) && keysOf(answer?.left).length === 0 && Array.isArray(answer?.left), {
        en: `A batch of ${small.length} photos (about 0.7 s of work, 2 s timeout) returned ${show(answer)}; expected every key in done, in order, and an empty left list.`,
        'zh-cn': `${small.length} 张照片的批次（约 0.7 秒的活，超时 2 秒）返回了 ${show(answer)}；done 里应按顺序包含全部键，left 应为空列表。`,
      });
    },
  },
  {
    title: {
      en: 'Answers a batch too big for the timeout, accounting for every photo once, in order',
      'zh-cn': '批次大到超时前做不完时照样返回，每张照片不重不漏、顺序不变',
    },
    async run(fn) {
      const result = await runLarge(fn);
      expectLargeOk(result);
      const answer = result.value as Answer;
      expectThat(Array.isArray(answer?.done) && Array.isArray(answer?.left), {
        en: `Returned ${show(answer)}; expected an object with two lists, done and left.`,
        'zh-cn': `返回了 ${show(answer)}；应为包含 done 和 left 两个列表的对象。`,
      });
      const accounted = [...keysOf(answer.done), ...keysOf(answer.left)];
      const expected = large.map((photo) => photo.key);
      expectThat(JSON.stringify(accounted) === JSON.stringify(expected), {
        en: `done followed by left gave ${show(accounted)}; it must be the batch's ${expected.length} keys, each once, in the order they came (${show(expected.slice(0, 3))}…).`,
        'zh-cn': `done 后面接上 left 得到 ${show(accounted)}；应当恰好是批次里的 ${expected.length} 个键，各出现一次，顺序与传入时相同（${show(expected.slice(0, 3))}…）。`,
      });
    },
  },
  {
    title: { en: 'Uses its time: does real work before stopping', 'zh-cn': '把时间用起来：停下之前做了实事' },
    async run(fn) {
      const result = await runLarge(fn);
      expectLargeOk(result);
      const done = (result.value as Answer)?.done;
      const count = Array.isArray(done) ? done.length : 0;
      // About 0.5 s of a 2 s budget. A margin of 800 ms does four or five photos, even a loaded machine three.
      expectThat(count >= 2, {
        en: `Only ${count} of ${large.length} photos done in a 2 s budget, at about 0.25 s each. The margin only has to cover one photo and the 300 ms to leave; stop when the time left is below it, not long before.`,
        'zh-cn': `超时 2 秒、每张约 0.25 秒，${large.length} 张里却只处理了 ${count} 张。余量只要够一张照片加上要留的 300 毫秒就行；剩余时间低于余量时再停，不必停得那么早。`,
      });
    },
  },
  {
    title: { en: `Keeps a safety margin: answers with at least ${MARGIN_MS} ms of the 2 s left`, 'zh-cn': `留出安全余量：返回时 2 秒里至少还剩 ${MARGIN_MS} 毫秒` },
    async run(fn) {
      const result = await runLarge(fn);
      expectLargeOk(result);
      const spare = Math.round(TIMEOUT_MS - result.durationMs);
      expectThat(spare >= MARGIN_MS, {
        en: `The batch answered after ${Math.round(result.durationMs)} ms, ${spare} ms before the timeout. A photo can take a little longer than its size says on a busy machine, and the reply needs time too: stop while at least ${MARGIN_MS} ms are left after the last photo.`,
        'zh-cn': `这一批在 ${Math.round(result.durationMs)} 毫秒后才返回，离超时只剩 ${spare} 毫秒。机器忙时一张照片可能比它的大小所示更慢，返回结果也要时间：处理完最后一张后，至少要还剩 ${MARGIN_MS} 毫秒。`,
      });
    },
  },
]);
