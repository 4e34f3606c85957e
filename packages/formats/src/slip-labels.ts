/**
 * The words of a check-in slip in each of Corridor's languages. A slip is handed to the passenger,
 * so it prints in the passenger's household's language; `{name}` marks a value. Ids, codes, dates
 * and airport codes stay as they are, so the desk reads them whatever the language.
 */
import type { PdfLanguage } from './pdf-fonts.js';

/** Every label of a check-in slip. */
export interface SlipLabels {
  header: string;
  person: string;
  case: string;
  caseHead: string;
  route: string;
  departs: string;
  bring: string;
  nobody: string;
}

/** A slip's labels by language. */
export const slipLabels: Record<PdfLanguage, SlipLabels> = {
  en: {
    header: 'CHECK-IN SLIP · {operation}',
    person: 'Person {id}',
    case: 'Case {id}',
    caseHead: 'Case {id} (head)',
    route: 'Movement {id} from {from} to {to}',
    departs: 'Departs {at} ({timezone})',
    bring: 'Bring this slip and your travel document to the check-in desk.',
    nobody: 'Nobody is booked on {id}.',
  },
  ar: {
    header: 'بطاقة تسجيل السفر · {operation}',
    person: 'الشخص {id}',
    case: 'الحالة {id}',
    caseHead: 'الحالة {id} (رب الأسرة)',
    route: 'الرحلة {id}: من {from} إلى {to}',
    departs: 'المغادرة {at} بالتوقيت المحلي، {timezone}',
    bring: 'أحضر هذه البطاقة ووثيقة سفرك إلى مكتب التسجيل.',
    nobody: 'لا أحد محجوز على الرحلة {id}.',
  },
  fa: {
    header: 'برگه پذیرش سفر · {operation}',
    person: 'فرد {id}',
    case: 'پرونده {id}',
    caseHead: 'پرونده {id} (سرپرست خانوار)',
    route: 'انتقال {id}: از {from} به {to}',
    departs: 'حرکت {at} به وقت محلی، {timezone}',
    bring: 'این برگه و سند سفر خود را به میز پذیرش بیاورید.',
    nobody: 'هیچ کس برای انتقال {id} ثبت نشده است.',
  },
  ps: {
    header: 'د سفر د ثبت پاڼه · {operation}',
    person: 'کس {id}',
    case: 'قضیه {id}',
    caseHead: 'قضیه {id} (د کورنۍ مشر)',
    route: 'لېږد {id}: له {from} څخه {to} ته',
    departs: 'وتل {at} سیمه‌ییز وخت، {timezone}',
    bring: 'دا پاڼه او خپل د سفر سند د ثبت مېز ته راوړئ.',
    nobody: 'په لېږد {id} کې هېڅوک نه دي ثبت شوي.',
  },
  ckb: {
    header: 'پسوولەی تۆمارکردنی گەشت · {operation}',
    person: 'کەس {id}',
    case: 'دۆسیەی {id}',
    caseHead: 'دۆسیەی {id} (سەرۆکی خێزان)',
    route: 'گواستنەوەی {id}: لە {from} بۆ {to}',
    departs: 'دەرچوون {at} کاتی ناوچەیی، {timezone}',
    bring: 'ئەم پسوولەیە و بەڵگەنامەی گەشتەکەت بهێنە بۆ مێزی تۆمارکردن.',
    nobody: 'کەس لەسەر گواستنەوەی {id} تۆمار نەکراوە.',
  },
};
