import type { Lang } from '../knowledge/types.js';

/** Card labels; sentences the customer reads as messages live in messages.ts. */
export const LABELS = {
  personComing: { en: 'A person is coming', fil: 'May darating na tao', ur: 'نمائندہ آ رہا ہے' },
  position: { en: 'Your place in line', fil: 'Puwesto mo sa pila', ur: 'قطار میں آپ کا نمبر' },
  wait: { en: 'Estimated wait', fil: 'Tinatayang paghihintay', ur: 'متوقع انتظار' },
  cancel: { en: 'Cancel, back to the bot', fil: 'I-cancel, balik sa bot', ur: 'منسوخ کریں، بوٹ پر واپس' },
  leaveMessage: { en: 'Leave a message', fil: 'Mag-iwan ng mensahe', ur: 'پیغام چھوڑیں' },
  name: { en: 'Your name (optional)', fil: 'Pangalan mo (opsyonal)', ur: 'آپ کا نام (اختیاری)' },
  email: { en: 'Email', fil: 'Email', ur: 'ای میل' },
  phone: { en: 'Phone number', fil: 'Numero ng telepono', ur: 'فون نمبر' },
  message: {
    en: 'How can we help?',
    fil: 'Paano ka namin matutulungan?',
    ur: 'ہم آپ کی کیا مدد کر سکتے ہیں؟',
  },
  callback: { en: 'Please call me back', fil: 'Pakitawagan ako', ur: 'براہ کرم مجھے واپس کال کریں' },
  send: { en: 'Send', fil: 'Ipadala', ur: 'بھیجیں' },
  yes: { en: 'Yes', fil: 'Oo', ur: 'جی ہاں' },
  no: { en: 'No', fil: 'Hindi', ur: 'نہیں' },
  rate: {
    en: 'How would you rate the help you got?',
    fil: 'Paano mo ire-rate ang tulong na natanggap mo?',
    ur: 'آپ کو ملنے والی مدد کو کیسا درجہ دیں گے؟',
  },
  comment: {
    en: 'Anything to add? (optional)',
    fil: 'May idadagdag ka pa? (opsyonal)',
    ur: 'کچھ اور کہنا چاہیں گے؟ (اختیاری)',
  },
} satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;
export const label = (key: LabelKey, lang: Lang): string => LABELS[key][lang];
