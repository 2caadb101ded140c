/**
 * Whether the engine can be reached. A call that cannot reach it (the host went away, the desktop
 * worker stopped) turns this to "disconnected": a notice says so, the connection is tried again with
 * growing pauses (1 s, 2 s, 4 s … 30 s, or at once on request), and when it answers again every view
 * reloads what it shows (`onRestored`).
 */
import { api } from '../lib/api.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

class ConnectionState {
  lost = $state(false);
  /** When the next try is due (ms since epoch), or null while one is running. */
  nextTryAt = $state<number | null>(null);
  /** A wall clock ticking once a second while disconnected, for the countdown. */
  now = $state(Date.now());
  trying = $state(false);

  /** Called once the engine answers again after a loss. */
  onRestored: () => void = () => {};

  private delay = FIRST_DELAY_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;
  private started = false;

  get secondsLeft(): number {
    return this.nextTryAt === null ? 0 : Math.max(0, Math.ceil((this.nextTryAt - this.now) / 1000));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    api.onReach((reachable) => (reachable ? this.restored() : this.lose()));
    api.onEventsOpen(() => {
      if (this.lost) void this.tryNow();
    });
  }

  private lose(): void {
    if (this.lost) return;
    this.lost = true;
    this.delay = FIRST_DELAY_MS;
    this.clock ??= setInterval(() => (this.now = Date.now()), 1000);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.now = Date.now();
    this.nextTryAt = Date.now() + this.delay;
    this.timer = setTimeout(() => void this.tryNow(), this.delay);
    this.delay = Math.min(MAX_DELAY_MS, this.delay * 2);
  }

  /** Tries the connection at once (the notice's button, or the event stream coming back). */
  async tryNow(): Promise<void> {
    if (!this.lost || this.trying) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.trying = true;
    this.nextTryAt = null;
    // The answer goes through onReach: reachable → restored(); unreachable → lose() does nothing, so reschedule here.
    const answer = await api.call('archiveInfo', {});
    this.trying = false;
    if (this.lost && !(answer.ok || answer.error.code !== 'unreachable')) this.schedule();
  }

  private restored(): void {
    if (!this.lost) return;
    this.lost = false;
    this.nextTryAt = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.clock) clearInterval(this.clock);
    this.timer = null;
    this.clock = null;
    this.onRestored();
  }
}

export const connection = new ConnectionState();
