import type { Lang } from '../knowledge/types.js';
import { fillTemplate } from '../language/index.js';

/** Every sentence the dialogs say, in the three languages Tulay speaks. `{x}` are placeholders. */
const MESSAGES = {
  welcome: {
    en: "Hi, I'm Tulay, Kidlat Electronics' assistant. Ask me about orders, delivery, payments, returns or your devices — and you can ask for a person at any time.",
    fil: 'Hi, ako si Tulay, ang assistant ng Kidlat Electronics. Magtanong ka tungkol sa order, delivery, bayad, return o sa gadget mo — at pwede kang humingi ng tao anumang oras.',
    ur: 'السلام علیکم، میں تُلے ہوں، کڈلٹ الیکٹرانکس کا اسسٹنٹ۔ آرڈر، ڈیلیوری، ادائیگی، واپسی یا اپنے آلات کے بارے میں پوچھیں — اور جب چاہیں کسی انسان سے بات کر سکتے ہیں۔',
  },
  welcomeEmployee: {
    en: "Hi {name}, I'm Tulay. Ask me about IT (VPN, passwords, laptops), HR (leave, payslips) or finance (expenses) — or ask for a person.",
    fil: 'Hi {name}, ako si Tulay. Magtanong tungkol sa IT (VPN, password, laptop), HR (leave, payslip) o finance (expenses) — o humingi ng tao.',
    ur: 'السلام علیکم {name}، میں تُلے ہوں۔ آئی ٹی (VPN، پاس ورڈ، لیپ ٹاپ)، ایچ آر (چھٹی، تنخواہ کی پرچی) یا فنانس (اخراجات) کے بارے میں پوچھیں — یا کسی انسان سے بات کریں۔',
  },
  noAnswer: {
    en: "Sorry, I couldn't find an answer to that. Would you like to talk to a person?",
    fil: 'Pasensya na, wala akong nahanap na sagot diyan. Gusto mo bang makausap ang isang tao?',
    ur: 'معذرت، مجھے اس کا جواب نہیں ملا۔ کیا آپ کسی انسان سے بات کرنا چاہیں گے؟',
  },
  clarify: {
    en: 'I want to get this right. Did you mean:',
    fil: 'Gusto kong masagot ito nang tama. Alin dito ang ibig mong sabihin:',
    ur: 'میں درست جواب دینا چاہتا ہوں۔ کیا آپ کا مطلب ہے:',
  },
  noneOfThese: { en: 'None of these', fil: 'Wala sa mga ito', ur: 'ان میں سے کوئی نہیں' },
  talkToPerson: { en: 'Talk to a person', fil: 'Makipag-usap sa tao', ur: 'انسان سے بات کریں' },
  offerPerson: {
    en: "It looks like I'm not solving this for you. Would you like me to connect you with a person?",
    fil: 'Mukhang hindi ko ito nalulutas para sa iyo. Gusto mo bang ikonekta kita sa isang tao?',
    ur: 'لگتا ہے میں آپ کا مسئلہ حل نہیں کر پا رہا۔ کیا میں آپ کو کسی انسان سے ملا دوں؟',
  },
  humanOnly: {
    en: 'A person from our team needs to finish this for you. Shall I connect you now?',
    fil: 'Kailangang tapusin ito ng isang tao mula sa aming team. Ikonekta na ba kita?',
    ur: 'یہ کام ہماری ٹیم کا کوئی فرد ہی مکمل کر سکتا ہے۔ کیا میں ابھی آپ کو ملا دوں؟',
  },
  didThisHelp: { en: 'Did this help?', fil: 'Nakatulong ba ito?', ur: 'کیا اس سے مدد ملی؟' },
  source: { en: 'Source', fil: 'Pinagmulan', ur: 'ماخذ' },
  englishOnly: {
    en: '',
    fil: '(Available only in English for now.)',
    ur: '(یہ معلومات فی الحال صرف انگریزی میں دستیاب ہے۔)',
  },
  feedbackThanks: {
    en: 'Thanks for the feedback!',
    fil: 'Salamat sa feedback!',
    ur: 'آپ کی رائے کا شکریہ!',
  },
  feedbackSorry: {
    en: "Sorry that didn't help. You can rephrase your question, or talk to a person.",
    fil: 'Pasensya, hindi nakatulong. Pwede mong ulitin ang tanong sa ibang paraan, o makipag-usap sa tao.',
    ur: 'معذرت کہ اس سے مدد نہیں ملی۔ آپ سوال دوسرے الفاظ میں پوچھ سکتے ہیں، یا کسی انسان سے بات کر سکتے ہیں۔',
  },
  greeting: {
    en: 'Hello! How can I help you today?',
    fil: 'Hello po! Paano kita matutulungan ngayon?',
    ur: 'وعلیکم السلام! آج میں آپ کی کیا مدد کر سکتا ہوں؟',
  },
  thanks: {
    en: "You're welcome! Anything else I can help with?",
    fil: 'Walang anuman! May iba pa ba akong maitutulong?',
    ur: 'کوئی بات نہیں! کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟',
  },
  goodbye: {
    en: 'Goodbye, and thanks for chatting with Kidlat Electronics!',
    fil: 'Paalam, at salamat sa pakikipag-usap sa Kidlat Electronics!',
    ur: 'خدا حافظ، کڈلٹ الیکٹرانکس سے بات کرنے کا شکریہ!',
  },
  cannotAnswerYet: {
    en: "I can't answer that yet — I can connect you to a person. Just say 'agent'.",
    fil: "Hindi ko pa iyan masasagot — pwede kitang ikonekta sa isang tao. Sabihin lang ang 'agent'.",
    ur: "میں ابھی اس کا جواب نہیں دے سکتا — میں آپ کو کسی انسان سے ملا سکتا ہوں۔ بس 'agent' لکھیں۔",
  },
  emptyMessage: {
    en: 'I only understand text for now — please type your question.',
    fil: 'Text lang ang naiintindihan ko sa ngayon — paki-type ang tanong mo.',
    ur: 'میں فی الحال صرف تحریر سمجھتا ہوں — براہِ کرم اپنا سوال لکھیں۔',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang = 'en', vars: Record<string, string> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}
