/**
 * Preloaded into the server by bench/uploads.ts (`node --import`): a 10 ms timer on the main thread records every
 * gap over 50 ms in the event loop, with the CPU time the main thread itself used during the gap (Linux:
 * /proc/self/task/<pid>/schedstat). The CPU figure is what the gap would last on an idle machine; the wall figure
 * adds the time the thread waited for a core, which on a shared machine swamps the rest. Writes
 * `[[startEpochMs, wallMs, cpuMs], …]` to LOOP_STALLS_FILE every second (the server is ended by a signal).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { isMainThread } from 'node:worker_threads';

const file = process.env.LOOP_STALLS_FILE;
if (isMainThread && file) {
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  /** CPU ms the main thread has run so far; 0 where the kernel does not say. */
  const cpuMs = () => {
    try {
      return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return 0;
    }
  };
  const stalls = [];
  let last = performance.now();
  let lastCpu = cpuMs();
  setInterval(() => {
    const now = performance.now();
    const cpu = cpuMs();
    if (now - last > 50)
      stalls.push([Math.round(performance.timeOrigin + last), Math.round(now - last), Math.round(cpu - lastCpu)]);
    last = now;
    lastCpu = cpu;
  }, 10).unref();
  setInterval(() => writeFileSync(file, JSON.stringify(stalls)), 1000).unref();
}
