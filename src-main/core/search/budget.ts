// The time a search may take. Every stage asks the budget before work it can skip or cut short (the
// relevance order past the first page, the body tier's BM25, relaxed matching); what is cut is said in
// the result (`truncated: true`). A single SQLite statement cannot be interrupted from here (the
// better-sqlite3 binding exposes no progress handler): the archive worker's watchdog ends a reader
// thread that overruns its hard limit (src-main/worker/reader-pool.ts).

/** Default budget of one search, well inside the worker's 2-second hard limit. */
export const SEARCH_BUDGET_MS = 800;

export class Budget {
  private readonly deadline: number;
  /** Set when a stage was cut short because the budget ran out. */
  truncated = false;

  constructor(readonly ms: number = SEARCH_BUDGET_MS) {
    this.deadline = performance.now() + ms;
  }

  /** Time left, in milliseconds (never negative). */
  get left(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /** True when the time is up; the caller cuts its work short and the result says so. */
  spent(): boolean {
    if (performance.now() < this.deadline) return false;
    this.truncated = true;
    return true;
  }
}
