/**
 * The words of a custody record of belongings in each of Corridor's languages (the reader's:
 * `Accept-Language`, `--lang` or `LANG`); `{name}` marks a value. Ids, event kinds, categories,
 * statuses, hashes and commands stay as they are, so a record reads the same to an auditor.
 */
import type { PdfLanguage } from './pdf-fonts.js';

/** Every label of the custody record. */
export interface CustodyLabels {
  title: string;
  operation: string;
  person: string;
  case: string;
  items: string;
  chain: string;
  chainOk: string;
  chainFailed: string;
  made: string;
  madeValue: string;
  nameHidden: string;
  nameErased: string;
  noDescription: string;
  detailsHidden: string;
  to: string;
  by: string;
  witness: string;
  place: string;
  receipt: string;
  note: string;
  event: string;
  explanation: string;
  signatures: [string, string];
}

/** The record's labels by language. */
export const custodyLabels: Record<PdfLanguage, CustodyLabels> = {
  en: {
    title: 'Custody record of belongings',
    operation: 'Operation',
    person: 'Person',
    case: 'Case',
    items: 'Items',
    chain: 'Chain check',
    chainOk: 'every custody chain verified',
    chainFailed: 'FAILED: run corridor custody verify',
    made: 'Made',
    madeValue: '{at} UTC by {by}',
    nameHidden: '(name hidden for your role)',
    nameErased: '(personal data erased)',
    noDescription: '(description not shown)',
    detailsHidden: '(details not shown: hidden for this role or erased)',
    to: 'to',
    by: 'by',
    witness: 'witness',
    place: 'place',
    receipt: 'receipt',
    note: 'note',
    event: '#{seq} {kind} — {at} UTC — recorded by {actor}',
    explanation:
      'Each event holds the SHA-256 hash of the event before it (the first, the hash of the item), and each batch is anchored in the hash-chained audit log, so an edited or removed event is detected by corridor custody verify.',
    signatures: ['Signature of the claimant', 'Signature of the officer'],
  },
  ar: {
    title: 'سجل حفظ المقتنيات',
    operation: 'العملية',
    person: 'الشخص',
    case: 'الحالة',
    items: 'المقتنيات',
    chain: 'فحص السلسلة',
    chainOk: 'تم التحقق من جميع سلاسل الحفظ',
    chainFailed: 'فشل: شغّل corridor custody verify',
    made: 'أُعدّ',
    madeValue: '{at} UTC بواسطة {by}',
    nameHidden: '(الاسم مخفي لدورك)',
    nameErased: '(البيانات الشخصية محذوفة)',
    noDescription: '(الوصف غير معروض)',
    detailsHidden: '(التفاصيل غير معروضة: مخفية لهذا الدور أو محذوفة)',
    to: 'إلى',
    by: 'بواسطة',
    witness: 'الشاهد',
    place: 'المكان',
    receipt: 'الإيصال',
    note: 'ملاحظة',
    event: '#{seq} {kind} — {at} UTC — سجّله {actor}',
    explanation:
      'يحمل كل حدث بصمة SHA-256 للحدث الذي قبله (والأول بصمة المادة)، وكل دفعة مثبتة في سجل التدقيق المتسلسل، فيُكشف أي حدث معدّل أو محذوف بالأمر corridor custody verify.',
    signatures: ['توقيع المطالب', 'توقيع الموظف'],
  },
  fa: {
    title: 'سابقه نگهداری اموال',
    operation: 'عملیات',
    person: 'فرد',
    case: 'پرونده',
    items: 'اقلام',
    chain: 'بررسی زنجیره',
    chainOk: 'همه زنجیره‌های نگهداری تأیید شد',
    chainFailed: 'ناموفق: corridor custody verify را اجرا کنید',
    made: 'تهیه شده',
    madeValue: '{at} UTC توسط {by}',
    nameHidden: '(نام برای نقش شما پنهان است)',
    nameErased: '(داده‌های شخصی پاک شده است)',
    noDescription: '(شرح نشان داده نمی‌شود)',
    detailsHidden: '(جزئیات نشان داده نمی‌شود: برای این نقش پنهان یا پاک شده است)',
    to: 'به',
    by: 'توسط',
    witness: 'شاهد',
    place: 'مکان',
    receipt: 'رسید',
    note: 'یادداشت',
    event: '#{seq} {kind} — {at} UTC — ثبت توسط {actor}',
    explanation:
      'هر رویداد هش SHA-256 رویداد پیش از خود را دارد (نخستین، هش قلم را)، و هر دسته در سابقه ممیزی زنجیره‌ای ثبت شده است، پس رویداد ویرایش‌شده یا حذف‌شده با corridor custody verify آشکار می‌شود.',
    signatures: ['امضای مدعی', 'امضای مسئول'],
  },
  ps: {
    title: 'د شتمنیو د ساتنې ریکارډ',
    operation: 'عملیات',
    person: 'کس',
    case: 'قضیه',
    items: 'توکي',
    chain: 'د زنځیر کتنه',
    chainOk: 'د ساتنې ټول زنځیرونه تایید شول',
    chainFailed: 'ناکام: corridor custody verify وچلوئ',
    made: 'جوړ شوی',
    madeValue: '{at} UTC د {by} لخوا',
    nameHidden: '(نوم ستاسو د رول لپاره پټ دی)',
    nameErased: '(شخصي معلومات پاک شوي)',
    noDescription: '(تشریح نه ښودل کېږي)',
    detailsHidden: '(جزئیات نه ښودل کېږي: د دې رول لپاره پټ یا پاک شوي)',
    to: 'ته',
    by: 'لخوا',
    witness: 'شاهد',
    place: 'ځای',
    receipt: 'رسید',
    note: 'یادښت',
    event: '#{seq} {kind} — {at} UTC — ثبت کوونکی {actor}',
    explanation:
      'هره پېښه د مخکینۍ پېښې SHA-256 هش لري (لومړۍ د توکي هش)، او هره ډله د پلټنې په زنځیري ریکارډ کې ثبت ده، نو بدله شوې یا لرې شوې پېښه د corridor custody verify په واسطه موندل کېږي.',
    signatures: ['د ادعا کوونکي لاسلیک', 'د کارکوونکي لاسلیک'],
  },
  ckb: {
    title: 'تۆماری پاراستنی کەلوپەل',
    operation: 'ئۆپەراسیۆن',
    person: 'کەس',
    case: 'دۆسیە',
    items: 'کەلوپەل',
    chain: 'پشکنینی زنجیرە',
    chainOk: 'هەموو زنجیرەکانی پاراستن پشتڕاست کرانەوە',
    chainFailed: 'سەرنەکەوت: corridor custody verify جێبەجێ بکە',
    made: 'ئامادەکراو',
    madeValue: '{at} UTC لەلایەن {by}',
    nameHidden: '(ناو بۆ ڕۆڵەکەت شاراوەیە)',
    nameErased: '(زانیاریی کەسی سڕاوەتەوە)',
    noDescription: '(وەسف نیشان نادرێت)',
    detailsHidden: '(وردەکاری نیشان نادرێت: بۆ ئەم ڕۆڵە شاراوەیە یان سڕاوەتەوە)',
    to: 'بۆ',
    by: 'لەلایەن',
    witness: 'شایەت',
    place: 'شوێن',
    receipt: 'پسوولە',
    note: 'تێبینی',
    event: '#{seq} {kind} — {at} UTC — تۆمارکراوە لەلایەن {actor}',
    explanation:
      'هەر ڕووداوێک هاشی SHA-256ی ڕووداوی پێشووی هەیە (یەکەمیان هاشی کەلوپەلەکە)، و هەر کۆمەڵەیەک لە تۆماری وردبینیی زنجیرەییدا جێگیر کراوە، بۆیە ڕووداوێکی گۆڕدراو یان سڕاوە بە corridor custody verify دەدۆزرێتەوە.',
    signatures: ['واژۆی داواکار', 'واژۆی فەرمانبەر'],
  },
};
