/** The words of the printed manifest in each language of the camp desk; `{name}` marks a value. */
import type { PdfLanguage } from './pdf-fonts.js';

/** Every label of the manifest PDF. */
export interface ManifestLabels {
  title: string;
  movement: string;
  operation: string;
  route: string;
  routeDestination: string;
  departure: string;
  departureValue: string;
  kindStatus: string;
  carrier: string;
  arrival: string;
  arrivalValue: string;
  arrivalDay: string;
  arrivalDayValue: string;
  printed: string;
  printedValue: string;
  seats: string;
  persons: string;
  households: string;
  seatsFree: string;
  baggage: string;
  baggageValue: string;
  checkedIn: string;
  boarded: string;
  noShow: string;
  arrived: string;
  conflicts: string;
  warnings: string;
  moreWarnings: string;
  columns: [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  caseOne: string;
  caseMany: string;
  linked: string;
  signatures: string;
  roles: [string, string, string];
  signatureLines: [string, string, string];
  footer: string;
}

/** The manifest's labels by language. */
export const manifestLabels: Record<PdfLanguage, ManifestLabels> = {
  en: {
    title: 'Passenger manifest',
    movement: 'Movement {id}',
    operation: 'Operation',
    route: 'Route',
    routeDestination: '(destination {id})',
    departure: 'Departure',
    departureValue: '{at} local ({timezone})',
    kindStatus: 'Kind / status',
    carrier: 'Carrier / flight',
    arrival: 'Arrival',
    arrivalValue: '{at} local',
    arrivalDay: 'Arrival day',
    arrivalDayValue: '{day} (documents must be valid until then)',
    printed: 'Printed',
    printedValue: '{at} UTC',
    seats: 'Seats',
    persons: 'Persons booked',
    households: 'Households',
    seatsFree: 'Seats free',
    baggage: 'Baggage kg',
    baggageValue: '{kg} ({perPerson}/person)',
    checkedIn: 'Checked in',
    boarded: 'Boarded',
    noShow: 'No-show',
    arrived: 'Arrived',
    conflicts: 'Conflicts',
    warnings: 'Warnings ({count})',
    moreWarnings: '… and {count} more (see the CSV or XLSX manifest)',
    columns: [
      '#',
      'Person',
      'Family name',
      'Given names',
      'Sex',
      'Born',
      'Nat.',
      'Document',
      'Expiry',
      'Needs',
      'Status',
      'Seat',
    ],
    caseOne: 'Case {id} — {count} person — {status}',
    caseMany: 'Case {id} — {count} persons — {status}',
    linked: ' — linked: {ids}',
    signatures: 'Signatures',
    roles: ['Movement officer', 'Carrier / convoy commander', 'Receiving officer'],
    signatureLines: ['Name', 'Signature', 'Date and time'],
    footer:
      "Corridor — movement {id} — page {page} of {pages} — CONFIDENTIAL: personal data; keep and destroy under the operation's data-protection rules",
  },
  ar: {
    title: 'قائمة الركاب',
    movement: 'الرحلة {id}',
    operation: 'العملية',
    route: 'المسار',
    routeDestination: '— الوجهة {id}',
    departure: 'المغادرة',
    departureValue: '{at} بالتوقيت المحلي، {timezone}',
    kindStatus: 'النوع / الوضع',
    carrier: 'الناقل / الرحلة',
    arrival: 'الوصول',
    arrivalValue: '{at} بالتوقيت المحلي',
    arrivalDay: 'يوم الوصول',
    arrivalDayValue: '{day} — يجب أن تبقى الوثائق سارية حتى ذلك اليوم',
    printed: 'طُبعت',
    printedValue: '{at} UTC',
    seats: 'المقاعد',
    persons: 'الأشخاص المحجوزون',
    households: 'الأسر',
    seatsFree: 'المقاعد الشاغرة',
    baggage: 'الأمتعة، كغ',
    baggageValue: '{kg}، {perPerson} للشخص',
    checkedIn: 'حضروا',
    boarded: 'صعدوا',
    noShow: 'لم يحضروا',
    arrived: 'وصلوا',
    conflicts: 'تعارضات',
    warnings: 'تنبيهات: {count}',
    moreWarnings: '… و{count} أخرى — انظر قائمة CSV أو XLSX',
    columns: [
      '#',
      'الشخص',
      'اسم العائلة',
      'الاسم',
      'الجنس',
      'الميلاد',
      'الجنسية',
      'الوثيقة',
      'الانتهاء',
      'الاحتياجات',
      'الوضع',
      'المقعد',
    ],
    caseOne: 'الحالة {id} — الأشخاص: {count} — {status}',
    caseMany: 'الحالة {id} — الأشخاص: {count} — {status}',
    linked: ' — مرتبطة بـ: {ids}',
    signatures: 'التواقيع',
    roles: ['موظف الحركة', 'الناقل / قائد القافلة', 'موظف الاستقبال'],
    signatureLines: ['الاسم', 'التوقيع', 'التاريخ والوقت'],
    footer:
      'Corridor — الرحلة {id} — الصفحة {page} من {pages} — سري: بيانات شخصية؛ تُحفظ وتُتلف وفق قواعد حماية البيانات للعملية',
  },
  fa: {
    title: 'فهرست مسافران',
    movement: 'انتقال {id}',
    operation: 'عملیات',
    route: 'مسیر',
    routeDestination: '— مقصد {id}',
    departure: 'حرکت',
    departureValue: '{at} به وقت محلی، {timezone}',
    kindStatus: 'نوع / وضعیت',
    carrier: 'شرکت حمل / پرواز',
    arrival: 'رسیدن',
    arrivalValue: '{at} به وقت محلی',
    arrivalDay: 'روز رسیدن',
    arrivalDayValue: '{day} — مدارک باید تا آن روز معتبر باشند',
    printed: 'چاپ',
    printedValue: '{at} UTC',
    seats: 'صندلی‌ها',
    persons: 'افراد رزروشده',
    households: 'خانوارها',
    seatsFree: 'صندلی‌های خالی',
    baggage: 'بار، کیلوگرم',
    baggageValue: '{kg}، {perPerson} برای هر نفر',
    checkedIn: 'حاضرشده',
    boarded: 'سوارشده',
    noShow: 'غایب',
    arrived: 'رسیده',
    conflicts: 'ناهمخوانی‌ها',
    warnings: 'هشدارها: {count}',
    moreWarnings: '… و {count} مورد دیگر — فهرست CSV یا XLSX را ببینید',
    columns: [
      '#',
      'فرد',
      'نام خانوادگی',
      'نام',
      'جنس',
      'تولد',
      'تابعیت',
      'مدرک',
      'انقضا',
      'نیازها',
      'وضعیت',
      'صندلی',
    ],
    caseOne: 'پرونده {id} — افراد: {count} — {status}',
    caseMany: 'پرونده {id} — افراد: {count} — {status}',
    linked: ' — پیوسته با: {ids}',
    signatures: 'امضاها',
    roles: ['مسئول انتقال', 'شرکت حمل / فرمانده کاروان', 'مسئول پذیرش'],
    signatureLines: ['نام', 'امضا', 'تاریخ و ساعت'],
    footer:
      'Corridor — انتقال {id} — صفحهٔ {page} از {pages} — محرمانه: دادهٔ شخصی؛ طبق قواعد حفاظت از داده‌های عملیات نگه‌داری و نابود شود',
  },
  ps: {
    title: 'د مسافرو لېست',
    movement: 'لېږد {id}',
    operation: 'عملیات',
    route: 'لار',
    routeDestination: '— منزل {id}',
    departure: 'وتل',
    departureValue: '{at} سیمه‌ییز وخت، {timezone}',
    kindStatus: 'ډول / حالت',
    carrier: 'لېږدوونکی / الوتنه',
    arrival: 'رسېدل',
    arrivalValue: '{at} سیمه‌ییز وخت',
    arrivalDay: 'د رسېدو ورځ',
    arrivalDayValue: '{day} — اسناد باید تر هغې ورځې د اعتبار وړ وي',
    printed: 'چاپ شوی',
    printedValue: '{at} UTC',
    seats: 'څوکۍ',
    persons: 'بک شوي کسان',
    households: 'کورنۍ',
    seatsFree: 'تشې څوکۍ',
    baggage: 'بار، کیلوګرامه',
    baggageValue: '{kg}، {perPerson} د هر کس لپاره',
    checkedIn: 'حاضر',
    boarded: 'سپاره',
    noShow: 'نه دي راغلي',
    arrived: 'رسېدلي',
    conflicts: 'ټکرونه',
    warnings: 'خبرداری: {count}',
    moreWarnings: '… او {count} نور — د CSV یا XLSX لېست وګورئ',
    columns: [
      '#',
      'کس',
      'تخلص',
      'نوم',
      'جنس',
      'زېږېدنه',
      'تابعیت',
      'سند',
      'پای نېټه',
      'اړتیاوې',
      'حالت',
      'څوکۍ',
    ],
    caseOne: 'قضیه {id} — کسان: {count} — {status}',
    caseMany: 'قضیه {id} — کسان: {count} — {status}',
    linked: ' — تړلې له: {ids}',
    signatures: 'لاسلیکونه',
    roles: ['د لېږد مسؤل', 'لېږدوونکی / د کاروان قوماندان', 'د هرکلي مسؤل'],
    signatureLines: ['نوم', 'لاسلیک', 'نېټه او وخت'],
    footer:
      'Corridor — لېږد {id} — پاڼه {page} له {pages} — محرم: شخصي معلومات؛ د عملیاتو د معلوماتو د ساتنې د قواعدو سره سم وساتئ او ړنګ یې کړئ',
  },
  ckb: {
    title: 'لیستی گەشتیاران',
    movement: 'گواستنەوەی {id}',
    operation: 'ئۆپەراسیۆن',
    route: 'ڕێگا',
    routeDestination: '— شوێنی مەبەست {id}',
    departure: 'دەرچوون',
    departureValue: '{at} کاتی ناوچەیی، {timezone}',
    kindStatus: 'جۆر / دۆخ',
    carrier: 'گوازەرەوە / فڕین',
    arrival: 'گەیشتن',
    arrivalValue: '{at} کاتی ناوچەیی',
    arrivalDay: 'ڕۆژی گەیشتن',
    arrivalDayValue: '{day} — بەڵگەنامەکان دەبێت تا ئەو ڕۆژە بەکاربن',
    printed: 'چاپکراو',
    printedValue: '{at} UTC',
    seats: 'کورسییەکان',
    persons: 'کەسانی حیجزکراو',
    households: 'خێزانەکان',
    seatsFree: 'کورسیی بەتاڵ',
    baggage: 'بار، کگم',
    baggageValue: '{kg}، {perPerson} بۆ هەر کەسێک',
    checkedIn: 'ئامادەبوو',
    boarded: 'سواربوو',
    noShow: 'نەهاتوو',
    arrived: 'گەیشتوو',
    conflicts: 'ناکۆکییەکان',
    warnings: 'ئاگادارکردنەوەکان: {count}',
    moreWarnings: '… و {count}ی تر — لیستی CSV یان XLSX ببینە',
    columns: [
      '#',
      'کەس',
      'ناوی خێزان',
      'ناو',
      'ڕەگەز',
      'لەدایکبوون',
      'ڕەگەزنامە',
      'بەڵگەنامە',
      'بەسەرچوون',
      'پێداویستی',
      'دۆخ',
      'کورسی',
    ],
    caseOne: 'دۆسیەی {id} — کەس: {count} — {status}',
    caseMany: 'دۆسیەی {id} — کەس: {count} — {status}',
    linked: ' — بەستراو بە: {ids}',
    signatures: 'واژۆکان',
    roles: ['بەرپرسی گواستنەوە', 'گوازەرەوە / فەرماندەی کاروان', 'بەرپرسی وەرگرتن'],
    signatureLines: ['ناو', 'واژۆ', 'بەروار و کات'],
    footer:
      'Corridor — گواستنەوەی {id} — پەڕەی {page} لە {pages} — نهێنی: داتای کەسی؛ بەپێی ڕێساکانی پاراستنی داتای ئۆپەراسیۆن هەڵبگیرێت و لەناوببرێت',
  },
};

/** A label with its `{name}` marks replaced by the values. */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}
