import os from 'node:os';

/** nice value of background threads (0 is normal, 19 the lowest). */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, so imports yield the CPU to the threads people wait on
 * (the UI, the API). Linux only: there a nice value belongs to a thread; on macOS and Windows it would
 * slow the whole process, so nothing is done.
 */
export function runThisThreadInBackground(): void {
  runThisThreadAt(BACKGROUND_NICE);
}

/**
 * The calling thread's nice value on Linux (0 elsewhere, or when it cannot be read): what a helper
 * thread it starts should run at, so the helpers of a background import are background too and those
 * of an import someone waits on at the command line are not.
 */
export function thisThreadNice(): number {
  if (process.platform !== 'linux') return 0;
  try {
    return os.getPriority();
  } catch {
    return 0;
  }
}

/** Sets the calling thread's nice value (Linux only, and only to lower the priority: see runThisThreadInBackground). */
export function runThisThreadAt(nice: number): void {
  if (process.platform !== 'linux' || !(nice > 0)) return;
  try {
    os.setPriority(Math.min(19, Math.trunc(nice)));
  } catch {
    // not permitted (e.g. a container policy): run at normal priority
  }
}
