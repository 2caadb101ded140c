/** Ticker history (core/archive/ticker-history.ts): the calendar, each headline's days and positions, who left early. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleKey } from '../../../src-main/core/arabic/index.js';
import { openArchive, type Archive } from '../../../src-main/core/archive/archive.js';
import { getTickerHeadline, getTickerHistory } from '../../../src-main/core/archive/ticker-history.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir('arshif-ticker-history-');
const SITE = 'example.com';
const DAYS = ['2020-03-01', '2020-03-02', '2020-03-03', '2020-03-04', '2020-03-05', '2020-03-06'];

/** Headline → the day indexes (0-based into DAYS) it was on the ticker. */
const PLAN: Record<string, number[]> = {
  'عنوان دائم على الشريط': [0, 1, 2, 3, 4, 5],
  'الحكومة تعلن خطة جديدة للنقل': [1, 2, 3, 4],
  'افتتاح معرض الكتاب في العاصمة': [1, 2, 3, 4],
  'ارتفاع أسعار الخضار في الأسواق': [1, 2, 3],
  'وزير يستقيل بعد ساعات من تعيينه': [1],
  'عودة الخبر بعد غياب': [1, 3],
  'خبر دخل متأخرا وبقي': [2, 3, 4, 5],
};

function seed(archive: Archive): void {
  const day = archive.db.prepare('INSERT INTO ticker_days (site, day, source_path) VALUES (?, ?, ?)');
  const item = archive.db.prepare('INSERT INTO ticker_items (ticker_day_id, position, headline, title_key) VALUES (?, ?, ?, ?)');
  DAYS.forEach((d, i) => {
    const id = Number(day.run(SITE, d, `/scrapes/${d}.txt`).lastInsertRowid);
    let position = 0;
    for (const [headline, days] of Object.entries(PLAN)) {
      // The lasting headline is re-punctuated on the last day: still the same headline.
      const shown = headline === 'عنوان دائم على الشريط' && i === 5 ? 'عنوانٌ دائم، على الشريط!' : headline;
      if (days.includes(i)) item.run(id, ++position, shown, titleKey(shown));
    }
  });
  archive.db
    .prepare(
      `INSERT INTO articles (site, title, title_key, identity, paragraphs) VALUES (?, 'وزير يستقيل بعد ساعات من تعيينه', ?, 'x', '[]')`,
    )
    .run(SITE, titleKey('وزير يستقيل بعد ساعات من تعيينه'));
}

function withTickers(check: (archive: Archive) => void): void {
  const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
  try {
    seed(archive);
    check(archive);
  } finally {
    archive.close();
  }
}

describe('ticker history', () => {
  it('gives the calendar of scrape days with their headline counts', () =>
    withTickers((archive) => {
      const history = getTickerHistory(archive, { site: SITE });
      expect(history.days).toEqual(DAYS.map((date, i) => ({ date, headlines: Object.values(PLAN).filter((d) => d.includes(i)).length })));
      expect(getTickerHistory(archive, { site: SITE, from: '2020-03-02', to: '2020-03-03' }).days.map((d) => d.date)).toEqual(['2020-03-02', '2020-03-03']);
      expect(getTickerHistory(archive, { site: 'other.org' })).toMatchObject({ days: [], headlines: [] });
    }));

  it('follows each headline day by day, with its position, whatever its punctuation', () =>
    withTickers((archive) => {
      const history = getTickerHistory(archive, { site: SITE });
      const lasting = history.headlines.find((h) => h.headline.startsWith('عنوانٌ دائم'));
      expect(lasting?.days.map((d) => d.date)).toEqual(DAYS);
      expect(lasting?.days.every((d) => d.position === 1)).toBe(true);
      const back = history.headlines.find((h) => h.headline === 'عودة الخبر بعد غياب')!;
      expect(back.days.map((d) => d.date)).toEqual([DAYS[1], DAYS[3]]);
      expect(back.stay).toBe(1);
      const resigned = history.headlines.find((h) => h.headline.startsWith('وزير يستقيل'))!;
      expect(resigned.articleId).toBe(1);
      expect(resigned.days).toEqual([{ date: DAYS[1], position: 5 }]);
    }));

  it('finds the headlines that left early among those that entered with them', () =>
    withTickers((archive) => {
      const history = getTickerHistory(archive, { site: SITE });
      const byHeadline = new Map(history.headlines.map((h) => [h.headline, h]));
      expect(history.headlines.filter((h) => h.leftEarly).map((h) => h.headline).sort()).toEqual(['عودة الخبر بعد غياب', 'وزير يستقيل بعد ساعات من تعيينه'].sort());
      expect(byHeadline.get('وزير يستقيل بعد ساعات من تعيينه')).toMatchObject({ stay: 1, cohortStay: 3, censored: false });
      expect(byHeadline.get('ارتفاع أسعار الخضار في الأسواق')).toMatchObject({ stay: 3, leftEarly: false });
      // Seen on the first day of the range, or still on at its end: not judged.
      expect(byHeadline.get('خبر دخل متأخرا وبقي')).toMatchObject({ censored: true, leftEarly: false });
      // Over a range where the cohort is cut short, nobody is judged on too little.
      const short = getTickerHistory(archive, { site: SITE, from: DAYS[1], to: DAYS[2] });
      expect(short.headlines.some((h) => h.leftEarly)).toBe(false);
    }));

  it('tracks one headline across every day', () =>
    withTickers((archive) => {
      expect(getTickerHeadline(archive, { site: SITE, headline: 'الحكومة تعلن خطةً جديدة للنقل' })).toEqual({
        headline: 'الحكومة تعلن خطة جديدة للنقل',
        articleId: null,
        days: [1, 2, 3, 4].map((i) => ({ date: DAYS[i], position: 2 })),
      });
      expect(getTickerHeadline(archive, { site: SITE, headline: 'لا يوجد' })).toBeNull();
    }));
});
