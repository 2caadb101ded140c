/** The articles of the end-to-end search tests; ids follow this order (1-based). */
import type { TestArticle } from './fixture.js';

const filler = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) =>
      `الفقرة رقم ${i + 1} من التقرير تتحدث عن المزارعين والري والأسمدة والأسعار في الأسواق المحلية وتوقعات الموسم المقبل في المحافظات الشمالية.`,
  );

export const ARTICLES: TestArticle[] = [
  // 1–4: the same place, bare and with clitics
  { title: 'معارك عنيفة في حلب الشرقية', paragraphs: ['تتواصل المعارك في مدينة حلب منذ أسابيع.'] },
  { title: 'قصف مدفعي على الأحياء القديمة', paragraphs: ['سقطت قذائف بحلب صباح اليوم وأصيب عدد من المدنيين.'] },
  { title: 'وفد دولي يزور المدينة', paragraphs: ['وصل الوفد إلى دمشق وحلب أمس في جولة تستمر أسبوعا.'] },
  { title: 'مساعدات إنسانية جديدة', paragraphs: ['أرسلت الأمم المتحدة قافلة لحلب المحاصرة.'] },
  // 5–12: words that merely begin with a clitic letter, and their neighbours
  { title: 'البلد يحتفل بالعيد', paragraphs: ['خرج أهل البلد إلى الشوارع احتفالا.'] },
  { title: 'ولادة طفل جديد في العائلة', paragraphs: ['ولد الطفل في مستشفى المدينة مساء الخميس.'] },
  { title: 'لبنان يستقبل الوفود', paragraphs: ['زار الوفد بيروت عاصمة لبنان والتقى المسؤولين.'] },
  { title: 'بنان الطفلة تغني', paragraphs: ['غنت الطفلة بنان أغنية جميلة في الحفل.'] },
  { title: 'معرض الكتاب الدولي', paragraphs: ['افتتح معرض الكتاب بمشاركة واسعة من دور النشر.'] },
  { title: 'تاب المذنب عن ذنبه', paragraphs: ['قال الشيخ إن الرجل تاب وندم على ما فعل.'] },
  { title: 'فرنسا تعلن موقفها', paragraphs: ['أعلنت فرنسا موقفا جديدا من الأزمة.'] },
  { title: 'زيارة مرتقبة للبنان', paragraphs: ['أعلن الوزير عن زيارة للبنان الأسبوع المقبل.'] },
  // 13–14: phrase against words
  { title: 'وزير الخارجية يصل إلى الرياض', paragraphs: ['وصل وزير الخارجية إلى الرياض في زيارة رسمية.'] },
  { title: 'الخارجية تستدعي السفير', paragraphs: ['قال وزير الدفاع إن الخارجية ستتابع الملف.'] },
  // 15: harakat and tatweel in the original text
  { title: 'الاقتـــصاد السوريّ يتعافى', paragraphs: ['قال خبراء إنَّ الاقتِصادَ السوريَّ بدأ يتعافى ببطء.'] },
  // 16–17: OR, exclusion, prefix
  { title: 'مباراة كرة القدم في دمشق', paragraphs: ['فاز فريق دمشق في المباراة الأخيرة.'] },
  { title: 'الأزمة الاقتصادية تتفاقم', paragraphs: ['تعاني البلاد من أزمة اقتصادية خانقة.'] },
  // 18: a long body with the match in its middle
  { title: 'تقرير مطول عن الزراعة', paragraphs: [...filler(6), 'وتراجع محصول القمح هذا العام بسبب الجفاف.', ...filler(6)] },
  // 19–24: facets, filters, sorts
  {
    title: 'الانتخابات البلدية تنطلق',
    paragraphs: ['انطلقت الانتخابات البلدية في عدة مدن.'],
    site: 'sana.sy',
    section: 'محليات',
    published: '2015-03-10 09:00:00',
    reads: 50,
  },
  {
    title: 'نتائج الانتخابات الأولية',
    paragraphs: ['أعلنت اللجنة نتائج الانتخابات الأولية.'],
    site: 'sana.sy',
    section: 'محليات',
    published: '2015-03-20 09:00:00',
    reads: 900,
  },
  {
    title: 'قراءة في الانتخابات',
    paragraphs: ['تحليل لمسار الانتخابات وما بعدها.'],
    section: 'مقالات',
    author: 'سامر الخطيب',
    published: '2016-05-02 12:00:00',
    reads: 300,
  },
  {
    title: 'الانتخابات والإعلام',
    paragraphs: ['دور الإعلام في تغطية الانتخابات.'],
    section: 'مقالات',
    author: 'سامر الخطيب',
    published: '2016-05-28 12:00:00',
    reads: 1200,
  },
  {
    title: 'موعد الانتخابات البرلمانية',
    paragraphs: ['حددت الحكومة موعد الانتخابات البرلمانية.'],
    published: '2017-01-15 08:30:00',
    reads: 700,
  },
  {
    title: 'مرشحون جدد',
    paragraphs: ['تقدم مرشحون جدد لخوض الانتخابات المقبلة.'],
    site: 'sana.sy',
    section: 'سياسة',
    published: '2017-01-20 08:30:00',
    reads: 10,
  },
  // 25–26: a short word whose clitic forms the light stemmer stems differently (قمه / بقم)
  { title: 'انعقاد القمة العربية', paragraphs: ['تنعقد القمة في الرياض هذا الشهر.'] },
  { title: 'مشاركة واسعة للدول', paragraphs: ['شارك الرئيس بقمة الدول المانحة.'] },
  // 27: a very long body, matched only near its end
  { title: 'تقرير سنوي شامل', paragraphs: [...filler(80), 'وفي الختام ارتفع إنتاج الزعفران في المنطقة.'] },
];
