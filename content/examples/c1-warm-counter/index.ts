// Module scope runs once per instance, during init.
const instanceId = Math.random().toString(36).slice(2, 8);
const startedAt = new Date().toISOString();
let invocations = 0;

export const main_handler = async () => {
  // Survives between warm invocations of THIS instance only.
  invocations += 1;
  console.log(`instance ${instanceId}: invocation #${invocations}`);
  return {
    instanceId,
    startedAt,
    invocations,
    coldStart: invocations === 1,
  };
};
