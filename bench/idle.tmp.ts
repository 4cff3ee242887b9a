import { startEmbeddedStack } from './support/embedded-stack';
import { MemorySampler } from './support/memory';
(async () => {
  const stack = await startEmbeddedStack('/work/wt/engine', { LOG_LEVEL: 'warn' });
  const mem = new MemorySampler(() => [stack.pid]);
  try {
    await new Promise((r) => setTimeout(r, 5000));
    await mem.markCpu();
    await new Promise((r) => setTimeout(r, 30000));
    console.log('idle 30 s cpu', await mem.cpuSince());
  } finally { await stack.stop(); }
})();
