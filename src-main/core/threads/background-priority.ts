import os from 'node:os';

/** nice value of background threads (0 is normal, 19 the lowest). */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, so imports yield the CPU to the threads people wait on
 * (the UI, the API). Linux only: there a nice value belongs to a thread; on macOS and Windows it would
 * slow the whole process, so nothing is done.
 */
export function runThisThreadInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(BACKGROUND_NICE);
  } catch {
    // not permitted (e.g. a container policy): run at normal priority
  }
}
