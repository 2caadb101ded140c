/** The main window's remembered size, position and maximised state. Pure except for load/save. */
import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { writeFileAtomically } from '../core/service/atomic-write.js';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 720, height: 480 };
const FILE_NAME = 'window-state.json';

const finite = v.pipe(v.number(), v.finite());
const stateSchema = v.object({
  bounds: v.object({ x: finite, y: finite, width: finite, height: finite }),
  maximized: v.boolean(),
});

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The saved state if it still fits a connected display (at least partly visible, not larger than that
 * display's work area), else null — a window is never restored off-screen.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: Rectangle[]): WindowState | null {
  if (!saved) return null;
  const { bounds } = saved;
  if (bounds.width < MIN_SIZE.width || bounds.height < MIN_SIZE.height) return null;
  const display = workAreas.find((area) => intersects(area, bounds));
  if (!display) return null;
  return {
    maximized: saved.maximized,
    bounds: {
      ...bounds,
      width: Math.min(bounds.width, display.width),
      height: Math.min(bounds.height, display.height),
    },
  };
}

export function loadWindowState(folder: string): WindowState | null {
  try {
    const parsed = v.safeParse(stateSchema, JSON.parse(fs.readFileSync(path.join(folder, FILE_NAME), 'utf8')));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export function saveWindowState(folder: string, state: WindowState): void {
  try {
    writeFileAtomically(path.join(folder, FILE_NAME), `${JSON.stringify(state)}\n`);
  } catch {
    // losing the window position is not worth an error dialog
  }
}
