// The shortest edit script between two sequences of keys (Myers, "An O(ND) Difference Algorithm and
// Its Variations", 1986), after trimming their common prefix and suffix. Memory is O(D²) for D edits;
// past `maxEdits` the middle is reported as replaced whole, which bounds the cost of comparing two
// unrelated texts.

export interface Run {
  op: 'equal' | 'delete' | 'insert';
  /** Range [aStart, aEnd) of the first sequence (empty for an insert). */
  aStart: number;
  aEnd: number;
  /** Range [bStart, bEnd) of the second sequence (empty for a delete). */
  bStart: number;
  bEnd: number;
}

const DEFAULT_MAX_EDITS = 5000;

export function diffSequences(a: readonly string[], b: readonly string[], maxEdits = DEFAULT_MAX_EDITS): Run[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const runs = new RunBuilder();
  runs.push('equal', 0, prefix, 0, prefix);
  middle(a, b, prefix, a.length - suffix, prefix, b.length - suffix, maxEdits, runs);
  runs.push('equal', a.length - suffix, a.length, b.length - suffix, b.length);
  return grouped(runs.runs);
}

/** Between two equal runs, all that was deleted, then all that was inserted (easier to read than alternating). */
function grouped(runs: Run[]): Run[] {
  const out = new RunBuilder();
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    if (run.op === 'equal') {
      out.push('equal', run.aStart, run.aEnd, run.bStart, run.bEnd);
      i++;
      continue;
    }
    const aStart = run.aStart;
    const bStart = run.bStart;
    let aEnd = aStart;
    let bEnd = bStart;
    while (i < runs.length && runs[i]!.op !== 'equal') {
      aEnd = runs[i]!.aEnd;
      bEnd = runs[i]!.bEnd;
      i++;
    }
    out.push('delete', aStart, aEnd, bStart, bStart);
    out.push('insert', aEnd, aEnd, bStart, bEnd);
  }
  return out.runs;
}

class RunBuilder {
  readonly runs: Run[] = [];

  push(op: Run['op'], aStart: number, aEnd: number, bStart: number, bEnd: number): void {
    if (aEnd === aStart && bEnd === bStart) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.op === op && last.aEnd === aStart && last.bEnd === bStart) {
      last.aEnd = aEnd;
      last.bEnd = bEnd;
      return;
    }
    this.runs.push({ op, aStart, aEnd, bStart, bEnd });
  }
}

/** Edits between a[a0, a1) and b[b0, b1), which share no first or last element. */
function middle(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number, maxEdits: number, out: RunBuilder): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) {
    out.push('delete', a0, a1, b0, b0);
    out.push('insert', a1, a1, b0, b1);
    return;
  }
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && d <= maxEdits; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (found >= 0) break;
  }
  if (found < 0) {
    out.push('delete', a0, a1, b0, b0);
    out.push('insert', a1, a1, b0, b1);
    return;
  }
  // Walk back from (n, m) to (0, 0), collecting steps in reverse.
  const steps: Array<[Run['op'], number, number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      steps.push(['equal', --x, --y]);
    }
    if (x === prevX) steps.push(['insert', x, --y]);
    else steps.push(['delete', --x, y]);
  }
  while (x > 0 && y > 0) steps.push(['equal', --x, --y]);
  for (let i = steps.length - 1; i >= 0; i--) {
    const [op, sx, sy] = steps[i]!;
    if (op === 'equal') out.push('equal', a0 + sx, a0 + sx + 1, b0 + sy, b0 + sy + 1);
    else if (op === 'delete') out.push('delete', a0 + sx, a0 + sx + 1, b0 + sy, b0 + sy);
    else out.push('insert', a0 + sx, a0 + sx, b0 + sy, b0 + sy + 1);
  }
}
