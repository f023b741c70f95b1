// Code can time only the last step of its own cold start. Placement, the
// sandbox, networking, the code download and the runtime's start all happen
// before the first line of this file runs, so no timer here can see them.
const initStart = Date.now();
const instanceId = Math.random().toString(36).slice(2, 8);

// Stands in for the set-up every request needs: parsing configuration,
// creating clients. Here: a lookup table of 200,000 users.
const scores = new Map<string, number>();
for (let i = 0; i < 200_000; i++) scores.set(`user-${i}`, (i * 7919) % 1000);

const initializationMs = Date.now() - initStart;
let invocations = 0;

export const main_handler = async (event: { userId?: string }) => {
  const start = Date.now();
  invocations += 1;
  const userId = event.userId ?? 'user-42';
  const score = scores.get(userId) ?? null;
  const invocationMs = Date.now() - start;
  const coldStart = invocations === 1;
  // Named like the spans SCF's APM integration reports: "initialization"
  // exists only on the invocation that paid for the cold start.
  const spans = coldStart ? { initialization: initializationMs, invocation: invocationMs } : { invocation: invocationMs };
  return { instanceId, coldStart, invocation: invocations, userId, score, spans };
};
