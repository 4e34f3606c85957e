/**
 * The words of the situation report in each of Corridor's languages (the reader's); `{name}` marks
 * a value. Ids, codes, currencies, dates and figures stay as they are (ASCII digits, as in the
 * manifest), so two readers in two languages quote the same numbers.
 */
import type { PdfLanguage } from './pdf-fonts.js';

type Eight = [string, string, string, string, string, string, string, string];

/** Every label of the situation report. */
export interface ReportLabels {
  title: string;
  subtitle: string;
  demo: string;
  restricted: string;
  /** The eight section headings, in the report's order. */
  headings: Eight;
  figures: [string, string, string, string, string];
  planned: string;
  actual: string;
  inCamp: string;
  pledged: string;
  allocated: string;
  departed: string;
  destinationTable: [string, string, string, string, string];
  noAhead: string;
  aheadTable: [string, string, string, string, string, string, string];
  expiring: string;
  exposure: string;
  exposureNone: string;
  meanRate: string;
  upper90: string;
  perDay: string;
  incidents: string;
  none: string;
  incidentTable: [string, string, string, string, string, string];
  noProperty: string;
  propertyTable: [string, string, string, string, string, string, string];
  propertyBars: string;
  propertyLegend: [string, string, string, string];
  noOutcome: string;
  outcome: string;
  ratio: string;
  slips: string;
  causeTable: [string, string, string];
  footer: string;
  auditHead: string;
  keepPage: string;
}

/** The report's labels by language. */
export const reportLabels: Record<PdfLanguage, ReportLabels> = {
  en: {
    title: 'Situation report',
    subtitle: '{name} · as of {today} · window {start} to {end}',
    demo: 'Synthetic demonstration data.',
    restricted:
      'Restricted: operational data about people at risk. Share only with those who need it.',
    headings: [
      'Operation status',
      'People still at risk',
      'By destination',
      'Timetable ahead',
      'Hazard and exposure',
      'Incidents',
      'Property',
      'What happened against the plan',
    ],
    figures: ['registered', 'households', 'moved out', 'still in the camp', 'places pledged'],
    planned: 'planned',
    actual: 'actual',
    inCamp: 'people in the camp',
    pledged: 'pledged',
    allocated: 'allocated',
    departed: 'departed',
    destinationTable: ['Destination', 'Pledged', 'Allocated', 'Scheduled', 'Departed'],
    noAhead: 'No movement with people on it lies ahead.',
    aheadTable: ['Movement', 'Departs', 'Kind', 'To', 'People', 'Seats', 'Load'],
    expiring:
      'Travel documents expiring within {days} days: {cases} case(s) ({steps}); re-plan with corridor replan --procedures.',
    exposure:
      'Exposure (expected person-incident-days): {planned} planned by the current timetable; {lived} lived so far.',
    exposureNone: 'Exposure (expected person-incident-days): no timetable; {lived} lived so far.',
    meanRate: 'mean rate',
    upper90: '90% upper',
    perDay: 'incidents per day at the camp',
    incidents: '{total} incidents recorded ({types}); {injured} injured, {killed} killed.',
    none: 'none',
    incidentTable: ['Incident', 'When', 'Type', 'Where', 'Injured', 'Killed'],
    noProperty: 'No property recorded in the ledger.',
    propertyTable: ['Currency', 'Assets', 'Appraised', 'Offered', 'Permitted', 'Realised', 'Loss'],
    propertyBars: 'Bars: percent of the appraised value, per currency.',
    propertyLegend: ['appraised', 'offered', 'permitted', 'realised'],
    noOutcome: 'No timetable yet: nothing to compare.',
    outcome:
      'Against the first timetable (version {version}), up to {today}: exposure {realised} realised, {planned} planned{ratio} expected person-incidents; {left} of {due} people planned to leave by then have left.',
    ratio: ' ({ratio} times)',
    slips: '{cases} cases ({persons} people) left later than planned or not yet.',
    causeTable: ['Cause', 'Cases', 'People'],
    footer: 'Corridor situation report · {today} · page {page} of {pages}',
    auditHead: 'Audit log head when printed: {head}',
    keepPage: 'Keep this page: corridor audit verify --anchor SEQ:HASH checks the log against it.',
  },
  ar: {
    title: 'تقرير الوضع',
    subtitle: '{name} · حتى {today} · الفترة من {start} إلى {end}',
    demo: 'بيانات تجريبية مصطنعة.',
    restricted: 'مقيّد: بيانات تشغيلية عن أشخاص معرّضين للخطر. لا تُشارك إلا مع من يحتاجها.',
    headings: [
      'وضع العملية',
      'الأشخاص الذين ما زالوا في خطر',
      'حسب الوجهة',
      'الجدول الزمني القادم',
      'الخطر والتعرّض',
      'الحوادث',
      'الممتلكات',
      'ما حدث مقارنة بالخطة',
    ],
    figures: ['مسجّلون', 'أسر', 'غادروا', 'ما زالوا في المخيم', 'أماكن متعهد بها'],
    planned: 'مخطط',
    actual: 'فعلي',
    inCamp: 'الأشخاص في المخيم',
    pledged: 'متعهد به',
    allocated: 'مخصص',
    departed: 'غادروا',
    destinationTable: ['الوجهة', 'متعهد به', 'مخصص', 'مجدول', 'غادروا'],
    noAhead: 'لا توجد رحلة قادمة عليها أشخاص.',
    aheadTable: ['الرحلة', 'المغادرة', 'النوع', 'إلى', 'الأشخاص', 'المقاعد', 'الإشغال'],
    expiring:
      'وثائق سفر تنتهي خلال {days} يومًا: {cases} حالة ({steps})؛ أعد التخطيط بالأمر corridor replan --procedures.',
    exposure:
      'التعرّض (أيام الشخص والحادث المتوقعة): {planned} بحسب الجدول الحالي؛ {lived} عيشت حتى الآن.',
    exposureNone: 'التعرّض (أيام الشخص والحادث المتوقعة): لا يوجد جدول زمني؛ {lived} عيشت حتى الآن.',
    meanRate: 'المعدل المتوسط',
    upper90: 'الحد الأعلى 90%',
    perDay: 'الحوادث يوميًا في المخيم',
    incidents: 'سُجّلت {total} حادثة ({types})؛ {injured} جريحًا، {killed} قتيلًا.',
    none: 'لا شيء',
    incidentTable: ['الحادثة', 'متى', 'النوع', 'أين', 'جرحى', 'قتلى'],
    noProperty: 'لا ممتلكات مسجّلة في السجل.',
    propertyTable: [
      'العملة',
      'الأصول',
      'المقدّرة',
      'المعروضة',
      'المسموح ببيعها',
      'المحقّقة',
      'الخسارة',
    ],
    propertyBars: 'الأعمدة: نسبة مئوية من القيمة المقدّرة، لكل عملة.',
    propertyLegend: ['المقدّرة', 'المعروضة', 'المسموح ببيعها', 'المحقّقة'],
    noOutcome: 'لا جدول زمني بعد: لا شيء للمقارنة.',
    outcome:
      'مقارنة بالجدول الأول (الإصدار {version})، حتى {today}: التعرّض {realised} فعلي و{planned} مخطط{ratio} من حوادث الأشخاص المتوقعة؛ غادر {left} من {due} شخصًا كان مخططًا أن يغادروا حتى ذلك اليوم.',
    ratio: ' ({ratio} ضعفًا)',
    slips: '{cases} حالة ({persons} شخصًا) غادرت متأخرة عن الخطة أو لم تغادر بعد.',
    causeTable: ['السبب', 'الحالات', 'الأشخاص'],
    footer: 'تقرير الوضع من Corridor · {today} · الصفحة {page} من {pages}',
    auditHead: 'رأس سجل التدقيق عند الطباعة: {head}',
    keepPage:
      'احتفظ بهذه الصفحة: الأمر corridor audit verify --anchor SEQ:HASH يتحقق من السجل مقابلها.',
  },
  fa: {
    title: 'گزارش وضعیت',
    subtitle: '{name} · تا {today} · بازه {start} تا {end}',
    demo: 'داده‌های نمایشی ساختگی.',
    restricted:
      'محرمانه: داده‌های عملیاتی درباره افراد در معرض خطر. فقط با کسانی که به آن نیاز دارند به اشتراک بگذارید.',
    headings: [
      'وضعیت عملیات',
      'افرادی که هنوز در خطرند',
      'بر اساس مقصد',
      'جدول زمانی پیش رو',
      'خطر و مواجهه',
      'رویدادها',
      'اموال',
      'آنچه در برابر برنامه رخ داد',
    ],
    figures: ['ثبت‌شده', 'خانوار', 'خارج‌شده', 'هنوز در اردوگاه', 'جاهای تعهدشده'],
    planned: 'برنامه‌ریزی‌شده',
    actual: 'واقعی',
    inCamp: 'افراد در اردوگاه',
    pledged: 'تعهدشده',
    allocated: 'تخصیص‌یافته',
    departed: 'رفته',
    destinationTable: ['مقصد', 'تعهدشده', 'تخصیص‌یافته', 'زمان‌بندی‌شده', 'رفته'],
    noAhead: 'هیچ انتقالی با مسافر در پیش نیست.',
    aheadTable: ['انتقال', 'حرکت', 'نوع', 'به', 'افراد', 'صندلی‌ها', 'پرشدگی'],
    expiring:
      'اسناد سفری که ظرف {days} روز منقضی می‌شوند: {cases} پرونده ({steps})؛ با corridor replan --procedures دوباره برنامه‌ریزی کنید.',
    exposure:
      'مواجهه (روز-رویداد-فرد مورد انتظار): {planned} طبق جدول زمانی فعلی؛ {lived} تاکنون سپری شده.',
    exposureNone:
      'مواجهه (روز-رویداد-فرد مورد انتظار): جدول زمانی وجود ندارد؛ {lived} تاکنون سپری شده.',
    meanRate: 'نرخ میانگین',
    upper90: 'حد بالای 90%',
    perDay: 'رویداد در روز در اردوگاه',
    incidents: '{total} رویداد ثبت شده ({types})؛ {injured} زخمی، {killed} کشته.',
    none: 'هیچ',
    incidentTable: ['رویداد', 'زمان', 'نوع', 'مکان', 'زخمی', 'کشته'],
    noProperty: 'هیچ اموالی در دفتر ثبت نشده است.',
    propertyTable: ['ارز', 'دارایی‌ها', 'ارزش‌گذاری', 'پیشنهادشده', 'مجاز', 'تحقق‌یافته', 'زیان'],
    propertyBars: 'میله‌ها: درصد ارزش برآوردشده، برای هر ارز.',
    propertyLegend: ['ارزش‌گذاری', 'پیشنهادشده', 'مجاز', 'تحقق‌یافته'],
    noOutcome: 'هنوز جدول زمانی نیست: چیزی برای مقایسه وجود ندارد.',
    outcome:
      'در برابر نخستین جدول زمانی (نسخه {version})، تا {today}: مواجهه {realised} واقعی و {planned} برنامه‌ریزی‌شده{ratio} رویداد-فرد مورد انتظار؛ {left} از {due} نفری که قرار بود تا آن روز بروند رفته‌اند.',
    ratio: ' ({ratio} برابر)',
    slips: '{cases} پرونده ({persons} نفر) دیرتر از برنامه رفته‌اند یا هنوز نرفته‌اند.',
    causeTable: ['علت', 'پرونده‌ها', 'افراد'],
    footer: 'گزارش وضعیت Corridor · {today} · صفحه {page} از {pages}',
    auditHead: 'سر سابقه ممیزی هنگام چاپ: {head}',
    keepPage:
      'این صفحه را نگه دارید: corridor audit verify --anchor SEQ:HASH سابقه را با آن مقایسه می‌کند.',
  },
  ps: {
    title: 'د وضعیت راپور',
    subtitle: '{name} · تر {today} پورې · موده له {start} څخه تر {end}',
    demo: 'جوړ شوي نمایشي معلومات.',
    restricted:
      'محدود: د خطر سره مخ خلکو په اړه عملیاتي معلومات. یوازې له هغو سره یې شریک کړئ چې اړتیا ورته لري.',
    headings: [
      'د عملیاتو وضعیت',
      'هغه خلک چې لا هم په خطر کې دي',
      'د منزل له مخې',
      'مخکې پروت مهالوېش',
      'خطر او مخامخ کېدل',
      'پېښې',
      'شتمني',
      'د پلان په پرتله څه وشول',
    ],
    figures: ['ثبت شوي', 'کورنۍ', 'وتلي', 'لا هم په کمپ کې', 'ژمنه شوي ځایونه'],
    planned: 'پلان شوی',
    actual: 'واقعي',
    inCamp: 'په کمپ کې خلک',
    pledged: 'ژمنه شوي',
    allocated: 'ټاکل شوي',
    departed: 'وتلي',
    destinationTable: ['منزل', 'ژمنه شوي', 'ټاکل شوي', 'مهالوېش شوي', 'وتلي'],
    noAhead: 'مخکې هېڅ لېږد نشته چې خلک پکې وي.',
    aheadTable: ['لېږد', 'وتل', 'ډول', 'ته', 'خلک', 'څوکۍ', 'ډکوالی'],
    expiring:
      'د سفر اسناد چې په {days} ورځو کې پای ته رسېږي: {cases} قضیې ({steps})؛ د corridor replan --procedures سره بیا پلان کړئ.',
    exposure:
      'مخامخ کېدل (د کس او پېښې تمه شوې ورځې): {planned} د اوسني مهالوېش له مخې؛ {lived} تر اوسه تېرې شوې.',
    exposureNone: 'مخامخ کېدل (د کس او پېښې تمه شوې ورځې): مهالوېش نشته؛ {lived} تر اوسه تېرې شوې.',
    meanRate: 'منځنۍ کچه',
    upper90: '90% پورتنی حد',
    perDay: 'په کمپ کې په ورځ کې پېښې',
    incidents: '{total} پېښې ثبت شوې ({types})؛ {injured} ټپيان، {killed} وژل شوي.',
    none: 'هېڅ',
    incidentTable: ['پېښه', 'کله', 'ډول', 'چېرته', 'ټپيان', 'وژل شوي'],
    noProperty: 'په دفتر کې هېڅ شتمني نه ده ثبت شوې.',
    propertyTable: [
      'اسعار',
      'شتمنۍ',
      'ارزول شوې',
      'وړاندیز شوې',
      'اجازه لرونکې',
      'ترلاسه شوې',
      'زیان',
    ],
    propertyBars: 'میلې: د ارزول شوي ارزښت سلنه، د هرې اسعارو لپاره.',
    propertyLegend: ['ارزول شوې', 'وړاندیز شوې', 'اجازه لرونکې', 'ترلاسه شوې'],
    noOutcome: 'تر اوسه مهالوېش نشته: د پرتلې لپاره څه نشته.',
    outcome:
      'د لومړي مهالوېش په پرتله (نسخه {version})، تر {today} پورې: مخامخ کېدل {realised} واقعي او {planned} پلان شوي{ratio} د کس او پېښې تمه؛ له {due} کسانو چې باید تر هغه وخته وتلي وای، {left} وتلي دي.',
    ratio: ' ({ratio} چنده)',
    slips: '{cases} قضیې ({persons} کسان) له پلان وروسته وتلي یا لا نه دي وتلي.',
    causeTable: ['لامل', 'قضیې', 'کسان'],
    footer: 'د Corridor د وضعیت راپور · {today} · پاڼه {page} له {pages}',
    auditHead: 'د چاپ پر مهال د پلټنې ریکارډ سر: {head}',
    keepPage: 'دا پاڼه وساتئ: corridor audit verify --anchor SEQ:HASH ریکارډ ورسره پرتله کوي.',
  },
  ckb: {
    title: 'ڕاپۆرتی دۆخ',
    subtitle: '{name} · تا {today} · ماوە لە {start} تا {end}',
    demo: 'داتای نمایشیی دەستکرد.',
    restricted:
      'سنووردار: داتای کارپێکردن دەربارەی کەسانی لە مەترسیدا. تەنها لەگەڵ ئەوانەی پێویستیان پێیەتی هاوبەشی بکە.',
    headings: [
      'دۆخی ئۆپەراسیۆن',
      'ئەو کەسانەی هێشتا لە مەترسیدان',
      'بەپێی شوێنی مەبەست',
      'خشتەی کاتی داهاتوو',
      'مەترسی و ڕووبەڕووبوونەوە',
      'ڕووداوەکان',
      'موڵک',
      'ئەوەی ڕوویدا بە بەراورد بە پلان',
    ],
    figures: ['تۆمارکراو', 'خێزان', 'ڕۆیشتوو', 'هێشتا لە کەمپ', 'شوێنی بەڵێندراو'],
    planned: 'پلاندانراو',
    actual: 'ڕاستەقینە',
    inCamp: 'کەسانی ناو کەمپ',
    pledged: 'بەڵێندراو',
    allocated: 'دیاریکراو',
    departed: 'ڕۆیشتوو',
    destinationTable: ['شوێنی مەبەست', 'بەڵێندراو', 'دیاریکراو', 'خشتەکراو', 'ڕۆیشتوو'],
    noAhead: 'هیچ گواستنەوەیەک بە کەسەوە لە پێشدا نییە.',
    aheadTable: ['گواستنەوە', 'دەرچوون', 'جۆر', 'بۆ', 'کەس', 'کورسی', 'پڕبوون'],
    expiring:
      'بەڵگەنامەی گەشت کە لە ماوەی {days} ڕۆژدا بەسەردەچن: {cases} دۆسیە ({steps})؛ بە corridor replan --procedures دووبارە پلان دابنێ.',
    exposure:
      'ڕووبەڕووبوونەوە (ڕۆژی کەس و ڕووداوی چاوەڕوانکراو): {planned} بەپێی خشتەی ئێستا؛ {lived} تا ئێستا ژیاوە.',
    exposureNone:
      'ڕووبەڕووبوونەوە (ڕۆژی کەس و ڕووداوی چاوەڕوانکراو): خشتەی کاتی نییە؛ {lived} تا ئێستا ژیاوە.',
    meanRate: 'ڕێژەی ناوەند',
    upper90: 'سنووری سەرووی 90%',
    perDay: 'ڕووداو لە ڕۆژێکدا لە کەمپ',
    incidents: '{total} ڕووداو تۆمارکراوە ({types})؛ {injured} بریندار، {killed} کوژراو.',
    none: 'هیچ',
    incidentTable: ['ڕووداو', 'کەی', 'جۆر', 'لە کوێ', 'بریندار', 'کوژراو'],
    noProperty: 'هیچ موڵکێک لە تۆمارەکەدا نییە.',
    propertyTable: ['دراو', 'سامان', 'نرخاندن', 'پێشکەشکراو', 'ڕێپێدراو', 'بەدەستهاتوو', 'زیان'],
    propertyBars: 'ستوونەکان: ڕێژەی سەدی نرخی هەڵسەنگێندراو، بۆ هەر دراوێک.',
    propertyLegend: ['نرخاندن', 'پێشکەشکراو', 'ڕێپێدراو', 'بەدەستهاتوو'],
    noOutcome: 'هێشتا خشتەی کاتی نییە: هیچ بۆ بەراورد نییە.',
    outcome:
      'بە بەراورد بە یەکەم خشتەی کاتی (وەشانی {version})، تا {today}: ڕووبەڕووبوونەوە {realised} ڕاستەقینە و {planned} پلاندانراو{ratio} کەس و ڕووداوی چاوەڕوانکراو؛ {left} لە {due} کەس کە پلان بوو تا ئەو کاتە بڕۆن ڕۆیشتوون.',
    ratio: ' ({ratio} هێندە)',
    slips: '{cases} دۆسیە ({persons} کەس) دواتر لە پلان ڕۆیشتوون یان هێشتا نەڕۆیشتوون.',
    causeTable: ['هۆکار', 'دۆسیەکان', 'کەسەکان'],
    footer: 'ڕاپۆرتی دۆخی Corridor · {today} · پەڕەی {page} لە {pages}',
    auditHead: 'سەری تۆماری وردبینی لە کاتی چاپدا: {head}',
    keepPage:
      'ئەم پەڕەیە هەڵبگرە: corridor audit verify --anchor SEQ:HASH تۆمارەکە لەگەڵیدا بەراورد دەکات.',
  },
};
