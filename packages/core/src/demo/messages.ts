/**
 * The demo's message templates: the check-in call and the notice of a changed movement in English
 * and in the first language of every demo household (Arabic, Persian, Dari), so `message preview`
 * works on a fresh demo. Written for the demo: a real operation has its templates checked by its
 * own translators before anyone relies on them.
 */
import type { MessageTemplate } from '../messages.js';

const persons = {
  en: '{persons, plural, one {# person} other {# persons}}',
  ar: '{persons, plural, one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}',
  fa: '{persons, plural, other {# نفر}}',
};

/** Every template the demo seeds, by purpose and language. */
export const demoMessageTemplates: readonly MessageTemplate[] = [
  {
    purpose: 'checkin-call',
    language: 'en',
    subject: 'Check-in for movement {movementId} on {departDate}',
    body: `Case {caseId} (${persons.en}): your movement {movementId} to {destination} leaves on {departDate} at {departTime}. Come to {checkinPlace} at {checkinTime} with the travel documents of every member of the family.`,
  },
  {
    purpose: 'checkin-call',
    language: 'ar',
    subject: 'تسجيل الوصول للرحلة {movementId} يوم {departDate}',
    body: `الملف {caseId} (${persons.ar}): تغادر رحلتكم {movementId} إلى {destination} يوم {departDate} الساعة {departTime}. يرجى الحضور إلى {checkinPlace} الساعة {checkinTime} مع وثائق السفر لجميع أفراد العائلة.`,
  },
  {
    purpose: 'checkin-call',
    language: 'fa',
    subject: 'پذیرش پرواز {movementId} در تاریخ {departDate}',
    body: `پرونده {caseId} (${persons.fa}): پرواز {movementId} شما به مقصد {destination} در تاریخ {departDate} ساعت {departTime} حرکت می‌کند. لطفاً ساعت {checkinTime} با مدارک سفر همه اعضای خانواده در {checkinPlace} حاضر شوید.`,
  },
  {
    purpose: 'checkin-call',
    language: 'prs',
    subject: 'ثبت مسافرین پرواز {movementId} به تاریخ {departDate}',
    body: `دوسیه {caseId} (${persons.fa}): پرواز {movementId} شما به {destination} به تاریخ {departDate} ساعت {departTime} حرکت می‌کند. لطفاً ساعت {checkinTime} با اسناد سفر تمام اعضای خانواده در {checkinPlace} حاضر شوید.`,
  },
  {
    purpose: 'movement-changed',
    language: 'en',
    subject: 'Your movement {movementId} has changed',
    body: 'Case {caseId}: {change}. Your movement {movementId} to {destination} now leaves on {departDate} at {departTime}. We will tell you when and where to check in.',
  },
  {
    purpose: 'movement-changed',
    language: 'ar',
    subject: 'تغيير في رحلتكم {movementId}',
    body: 'الملف {caseId}: {change}. تغادر رحلتكم {movementId} إلى {destination} الآن يوم {departDate} الساعة {departTime}. سنبلغكم بموعد ومكان تسجيل الوصول.',
  },
  {
    purpose: 'movement-changed',
    language: 'fa',
    subject: 'تغییر در پرواز {movementId}',
    body: 'پرونده {caseId}: {change}. پرواز {movementId} شما به مقصد {destination} اکنون در تاریخ {departDate} ساعت {departTime} حرکت می‌کند. زمان و مکان پذیرش را به شما اطلاع خواهیم داد.',
  },
  {
    purpose: 'movement-changed',
    language: 'prs',
    subject: 'تغییر در پرواز {movementId}',
    body: 'دوسیه {caseId}: {change}. پرواز {movementId} شما به {destination} اکنون به تاریخ {departDate} ساعت {departTime} حرکت می‌کند. وقت و جای ثبت مسافرین را برای شما اطلاع می‌دهیم.',
  },
];
