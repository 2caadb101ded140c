/**
 * Direction of archive text, for laying out a piece of it that is not inline (a reader column):
 * the first strong character decides, as `dir="auto"` would.
 */
const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/;
const STRONG = /[\p{L}]/u;

export function textDirection(text: string): 'rtl' | 'ltr' {
  const first = STRONG.exec(text)?.[0];
  return first !== undefined && STRONG_RTL.test(first) ? 'rtl' : 'ltr';
}

/** The language to declare for archive text: Arabic when it is written in Arabic script, else unstated. */
export function textLang(text: string): 'ar' | undefined {
  const first = STRONG.exec(text)?.[0];
  return first !== undefined && ARABIC_SCRIPT.test(first) ? 'ar' : undefined;
}
