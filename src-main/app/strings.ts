/**
 * Every word the desktop shell shows (menus, dialogs), in Arabic and English, in one table.
 * The renderer has its own texts; these are only the native ones.
 */
import type { Language } from '../common/types.js';

export const STRINGS = {
  appName: { ar: 'أرشيف', en: 'Arshif' },
  file: { ar: 'ملف', en: 'File' },
  newArchive: { ar: 'أرشيف جديد…', en: 'New Archive…' },
  openArchive: { ar: 'فتح أرشيف…', en: 'Open Archive…' },
  recentArchives: { ar: 'الأرشيفات الأخيرة', en: 'Recent Archives' },
  noRecentArchives: { ar: 'لا أرشيفات حديثة', en: 'No Recent Archives' },
  importFolder: { ar: 'استيراد مجلد…', en: 'Import Folder…' },
  importFiles: { ar: 'استيراد ملفات…', en: 'Import Files…' },
  cancelImport: { ar: 'إيقاف الاستيراد', en: 'Cancel Import' },
  exportArchive: { ar: 'تصدير المقالات…', en: 'Export Articles…' },
  quit: { ar: 'إنهاء أرشيف', en: 'Quit Arshif' },
  edit: { ar: 'تحرير', en: 'Edit' },
  undo: { ar: 'تراجع', en: 'Undo' },
  redo: { ar: 'إعادة', en: 'Redo' },
  cut: { ar: 'قص', en: 'Cut' },
  copy: { ar: 'نسخ', en: 'Copy' },
  paste: { ar: 'لصق', en: 'Paste' },
  selectAll: { ar: 'تحديد الكل', en: 'Select All' },
  view: { ar: 'عرض', en: 'View' },
  theme: { ar: 'السمة', en: 'Theme' },
  themeSystem: { ar: 'حسب النظام', en: 'System' },
  themeLight: { ar: 'فاتحة', en: 'Light' },
  themeSepia: { ar: 'ورقية', en: 'Sepia' },
  themeDark: { ar: 'داكنة', en: 'Dark' },
  fontSize: { ar: 'حجم الخط', en: 'Font Size' },
  fontLarger: { ar: 'تكبير', en: 'Larger' },
  fontSmaller: { ar: 'تصغير', en: 'Smaller' },
  fontReset: { ar: 'الحجم الافتراضي', en: 'Default Size' },
  language: { ar: 'اللغة', en: 'Language' },
  arabic: { ar: 'العربية', en: 'العربية (Arabic)' },
  english: { ar: 'English (الإنجليزية)', en: 'English' },
  fullScreen: { ar: 'ملء الشاشة', en: 'Full Screen' },
  help: { ar: 'مساعدة', en: 'Help' },
  about: { ar: 'عن أرشيف', en: 'About Arshif' },
  aboutDetail: {
    ar: 'أرشيف للمواقع الإخبارية العربية المحفوظة: استيراد وتصفح وبحث وقراءة دون اتصال.',
    en: 'An archive of scraped Arabic news sites: import, browse, search and read offline.',
  },
  archiveFilter: { ar: 'ملف أرشيف', en: 'Arshif archive' },
  pagesFilter: { ar: 'صفحات محفوظة', en: 'Scraped pages' },
  jsonLinesFilter: { ar: 'أسطر JSON', en: 'JSON lines' },
  errorTitle: { ar: 'تعذّر ذلك', en: 'That did not work' },
  openLinkTitle: { ar: 'فتح رابط خارجي', en: 'Open External Link' },
  openLinkMessage: { ar: 'فتح هذا الرابط في المتصفح؟ سيغادر أرشيف وضع عدم الاتصال.', en: 'Open this link in your browser? It leaves the offline archive.' },
  openLinkConfirm: { ar: 'فتح في المتصفح', en: 'Open in Browser' },
  cancel: { ar: 'إلغاء', en: 'Cancel' },
  exported: { ar: 'تم تصدير المقالات', en: 'Articles exported' },
  upgradeTitle: { ar: 'ترقية الأرشيف', en: 'Upgrade Archive' },
  upgradeMessage: {
    ar: 'أُنشئ هذا الأرشيف بإصدار أقدم من أرشيف، ويجب ترقيته قبل فتحه. تُحفظ نسخة احتياطية منه كما هو بجانبه أولًا.',
    en: 'This archive was made by an older Arshif and must be upgraded before it can be opened. A backup copy of it, as it is, is saved beside it first.',
  },
  upgradeConfirm: { ar: 'نسخ احتياطي ثم ترقية', en: 'Back Up and Upgrade' },
  upgraded: { ar: 'تمت ترقية الأرشيف؛ النسخة الاحتياطية في:', en: 'The archive was upgraded; the backup copy is in:' },
  installCommandLineTool: { ar: 'تثبيت أداة سطر الأوامر…', en: 'Install Command Line Tool…' },
  commandLineToolInstalled: { ar: 'ثُبِّت الأمر arshif', en: 'The arshif command is installed' },
  commandLineToolHowTo: { ar: 'افتح نافذة طرفية جديدة واكتب: arshif --help', en: 'Open a new terminal window and type: arshif --help' },
  commandLineToolReplace: { ar: 'يوجد أمر باسم arshif من قبل. أتستبدل به أمر أرشيف؟', en: 'There is already an arshif command. Replace it with Arshif’s?' },
  replace: { ar: 'استبدال', en: 'Replace' },
  commandLineToolMissing: {
    ar: 'أداة سطر الأوامر جزء من التطبيق المثبَّت. من نسخة المصدر استعمل ‎npm link‎.',
    en: 'The command line tool comes with the installed app. From a source checkout, use npm link.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

export function text(language: Language, key: StringKey): string {
  return STRINGS[key][language];
}
