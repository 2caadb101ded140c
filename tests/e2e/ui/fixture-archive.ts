/**
 * The fixture folder imported into a spec's host (tests/fixtures/ui-corpus: 22 articles on three sites),
 * through the API, waiting until the import has ended.
 */
import { expect } from '@playwright/test';
import { fixtureCorpus, type RunningHost } from './harness.js';

interface Status {
  importId: number;
  phase: string;
}

export async function importFixture(host: RunningHost, paths: string[] = [fixtureCorpus]): Promise<void> {
  const started = await host.call<{ importId: number }>('import', { paths });
  if (!started.ok) throw new Error(`import failed to start: ${started.error.message}`);
  await expect
    .poll(
      async () => {
        const status = await host.call<Status | null>('importStatus');
        return status.ok && status.value?.importId === started.value.importId ? status.value.phase : 'unknown';
      },
      { timeout: 60_000 },
    )
    .toMatch(/^(finished|cancelled|failed)$/);
}

/** The id of the article with this exact title. */
export async function articleId(host: RunningHost, title: string): Promise<number> {
  const listed = await host.call<{ articles: Array<{ id: number; title: string }> }>('list', { limit: 1000 });
  if (!listed.ok) throw new Error(listed.error.message);
  const found = listed.value.articles.find((a) => a.title === title);
  if (!found) throw new Error(`no article titled ${title}`);
  return found.id;
}
