import type { Lang } from '../knowledge/types.js';
import { fillTemplate } from '../language/index.js';

/** What the customer reads during a handoff, in Tulay's three languages. `{x}` are parameters. */
const TEXTS = {
  coming: {
    en: "I'm connecting you with a person from our team. Please stay in this chat.",
    fil: 'Ikokonekta kita sa isang tao mula sa aming team. Manatili ka lang sa chat na ito.',
    ur: 'میں آپ کو ہماری ٹیم کے ایک نمائندے سے ملا رہا ہوں۔ براہ کرم اسی چیٹ میں رہیں۔',
  },
  position: {
    en: "You're number {position} in line. Estimated wait: {wait}.",
    fil: 'Ikaw ang pang-{position} sa pila. Tinatayang paghihintay: {wait}.',
    ur: 'قطار میں آپ کا نمبر {position} ہے۔ متوقع انتظار: {wait}۔',
  },
  positionChanged: {
    en: "You're now number {position} in line ({wait}).",
    fil: 'Pang-{position} ka na sa pila ({wait}).',
    ur: 'اب قطار میں آپ کا نمبر {position} ہے ({wait})۔',
  },
  agentJoined: {
    en: '{name} has joined the conversation.',
    fil: 'Sumali na si {name} sa usapan.',
    ur: '{name} گفتگو میں شامل ہو گئے ہیں۔',
  },
  agentLeft: {
    en: "{name} had to leave. You're back in line and the next available person will continue.",
    fil: 'Kinailangang umalis ni {name}. Nakapila ka ulit at ang susunod na available na tao ang tutulong sa iyo.',
    ur: '{name} کو جانا پڑا۔ آپ دوبارہ قطار میں ہیں، اگلا دستیاب نمائندہ بات آگے بڑھائے گا۔',
  },
  transferred: {
    en: "I'm passing you to our {queue} team. You're back in line.",
    fil: 'Ipapasa kita sa aming {queue} team. Nakapila ka ulit.',
    ur: 'میں آپ کو ہماری {queue} ٹیم کے پاس بھیج رہا ہوں۔ آپ دوبارہ قطار میں ہیں۔',
  },
  offlineNoAgents: {
    en: "No one from our team is available right now. Leave your email or phone number and a message, and we'll get back to you.",
    fil: 'Walang available sa aming team ngayon. Iwan mo ang email o numero ng telepono mo at ang mensahe mo, at babalikan ka namin.',
    ur: 'اس وقت ہماری ٹیم میں کوئی دستیاب نہیں۔ اپنا ای میل یا فون نمبر اور پیغام چھوڑ دیں، ہم آپ سے رابطہ کریں گے۔',
  },
  offlineClosed: {
    en: "Our team is closed right now and opens again on {when}. Leave your email or phone number and a message, and we'll get back to you.",
    fil: 'Sarado pa ang aming team ngayon at magbubukas ulit sa {when}. Iwan mo ang email o numero mo at ang mensahe mo, at babalikan ka namin.',
    ur: 'ہماری ٹیم اس وقت بند ہے اور {when} کو دوبارہ کھلے گی۔ اپنا ای میل یا فون نمبر اور پیغام چھوڑ دیں، ہم آپ سے رابطہ کریں گے۔',
  },
  waitingTooLong: {
    en: "Sorry for the wait. You can keep waiting, or leave a message and we'll contact you.",
    fil: 'Pasensya na sa paghihintay. Pwede kang maghintay pa, o mag-iwan ng mensahe at kami ang kokontak sa iyo.',
    ur: 'انتظار کے لیے معذرت۔ آپ انتظار جاری رکھ سکتے ہیں، یا پیغام چھوڑ دیں، ہم آپ سے رابطہ کریں گے۔',
  },
  offlineSaved: {
    en: "Thanks, we've got your message. Expect an answer by {by}.",
    fil: 'Salamat, natanggap namin ang mensahe mo. Asahan ang sagot hanggang {by}.',
    ur: 'شکریہ، ہمیں آپ کا پیغام مل گیا ہے۔ {by} تک جواب کی توقع رکھیں۔',
  },
  contactInvalid: {
    en: 'Please give a valid email address or phone number so we can reach you.',
    fil: 'Pakibigay ang tamang email address o numero ng telepono para makontak ka namin.',
    ur: 'براہ کرم درست ای میل یا فون نمبر دیں تاکہ ہم آپ سے رابطہ کر سکیں۔',
  },
  cancelled: {
    en: "OK, I've cancelled the request. You're back with Tulay. Ask me anything.",
    fil: 'Sige, kinansela ko na ang request. Si Tulay ulit ang kausap mo. Magtanong ka lang.',
    ur: 'ٹھیک ہے، میں نے درخواست منسوخ کر دی۔ اب آپ دوبارہ تُلے سے بات کر رہے ہیں۔ کچھ بھی پوچھیں۔',
  },
  resolved: {
    en: '{name} has closed the conversation.',
    fil: 'Tinapos na ni {name} ang usapan.',
    ur: '{name} نے گفتگو ختم کر دی ہے۔',
  },
  solvedQuestion: {
    en: 'Is your problem solved?',
    fil: 'Nalutas ba ang problema mo?',
    ur: 'کیا آپ کا مسئلہ حل ہو گیا؟',
  },
  notSolved: {
    en: "I'm sorry it isn't solved yet. Tell me what's still wrong, or ask for a person again.",
    fil: 'Pasensya na at hindi pa ito nalutas. Sabihin mo kung ano pa ang problema, o humingi ulit ng tao.',
    ur: 'معذرت کہ مسئلہ ابھی حل نہیں ہوا۔ بتائیں کیا مسئلہ باقی ہے، یا دوبارہ کسی نمائندے سے بات کریں۔',
  },
  csatThanks: {
    en: 'Thank you for your feedback!',
    fil: 'Salamat sa feedback mo!',
    ur: 'آپ کی رائے کا شکریہ!',
  },
  teamMember: { en: 'A team member', fil: 'Isang miyembro ng team', ur: 'ٹیم کا ایک رکن' },
} satisfies Record<string, Record<Lang, string>>;

export type HandoffMessageKey = keyof typeof TEXTS;

export function handoffText(
  key: HandoffMessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(TEXTS[key][lang], params);
}

const LOCALES: Record<Lang, string> = { en: 'en-PH', fil: 'fil-PH', ur: 'ur-PK' };

/** "about 3 minutes" / "mga 3 minuto" / "تقریباً 3 منٹ", from seconds. */
export function formatWait(seconds: number, lang: Lang): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (seconds < 60)
    return { en: 'less than a minute', fil: 'wala pang isang minuto', ur: 'ایک منٹ سے کم' }[lang];
  const unit = new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  return {
    en: `about ${unit.format(minutes)}`,
    fil: `mga ${unit.format(minutes)}`,
    ur: `تقریباً ${unit.format(minutes)}`,
  }[lang];
}

/** A moment in the customer's language and the queue's time zone ("Mon 9:00 AM"). */
export function formatWhen(at: Date, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(at);
}
