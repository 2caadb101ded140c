import { sql as initial } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
