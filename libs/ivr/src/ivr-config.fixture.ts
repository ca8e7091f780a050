/**
 * A small two-language configuration for the interpreter and validator specs, written as the
 * YAML parser would hand it over.
 */
export function smallRawConfig(): Record<string, unknown> {
  return {
    languages: {
      'en-US': { voice: 'Polly.Joanna', sayLanguage: 'en-US', speechLanguage: 'en-US' },
      'zh-CN': { voice: 'Polly.Zhiyu', sayLanguage: 'cmn-CN', speechLanguage: 'cmn-Hans-CN' },
    },
    defaultLanguage: 'en-US',
    tierNames: { gold: { 'en-US': 'gold', 'zh-CN': '金卡' } },
    announcements: {
      position: { 'en-US': 'You are number {position}.', 'zh-CN': '您排在第{position}位。' },
      estimate: { 'en-US': 'About {minutes} minutes.', 'zh-CN': '约{minutes}分钟。' },
      estimateShort: { 'en-US': 'Less than 2 minutes.', 'zh-CN': '不到2分钟。' },
      callbackOffer: { 'en-US': 'Press 1 for a call back.', 'zh-CN': '回电请按1。' },
      callbackConfirmed: { 'en-US': 'We will call you back.', 'zh-CN': '我们会给您回电。' },
      apology: { 'en-US': 'Sorry.', 'zh-CN': '抱歉。' },
    },
    businessHours: {
      office: {
        timeZone: 'Asia/Shanghai',
        weekly: { mon: ['09:00-12:00', '13:00-18:00'], sat: ['10:00-14:00'] },
        holidays: [
          { date: '2026-10-01', name: 'National Day' },
          { date: '2026-12-31', open: ['09:00-12:00'] },
        ],
      },
    },
    flows: {
      main: {
        languages: ['en-US', 'zh-CN'],
        languageMenu: 'lang',
        start: 'welcome',
        hours: 'office',
        afterHours: { closed: 'closed-menu', holiday: 'holiday' },
        minSpeechConfidence: 0.5,
        greeting: {
          unknown: { 'en-US': 'Hello.', 'zh-CN': '您好。' },
          known: {
            gold: {
              'en-US': 'Welcome back, {name}, {tier} member.',
              'zh-CN': '{name}，欢迎回来，{tier}会员。',
            },
            default: { 'en-US': 'Welcome back.', 'zh-CN': '欢迎回来。' },
          },
        },
        retryPrompts: {
          noInput: { 'en-US': 'I did not hear you.', 'zh-CN': '没有听到。' },
          invalid: { 'en-US': 'Not an option.', 'zh-CN': '无效选项。' },
        },
        nodes: {
          lang: {
            kind: 'language-menu',
            prompt: { 'en-US': 'For English press 1.', 'zh-CN': '中文请按2。' },
            options: [
              { digit: 1, language: 'en-US' },
              { digit: 2, language: 'zh-CN' },
            ],
            maxAttempts: 2,
          },
          welcome: {
            kind: 'message',
            prompt: { 'en-US': 'Calls are recorded.', 'zh-CN': '通话将被录音。' },
            next: 'menu',
          },
          menu: {
            kind: 'menu',
            prompt: { 'en-US': 'Billing 1, sales 2.', 'zh-CN': '账单按1，销售按2。' },
            timeoutSeconds: 7,
            maxAttempts: 2,
            options: [
              {
                digit: 1,
                keywords: { 'en-US': ['Billing', 'bill'], 'zh-CN': ['账单'] },
                queue: 'billing',
                reason: 'billing',
              },
              { digit: '2', keywords: { 'en-US': ['sales', 'buy'] }, next: 'sales' },
              { digit: '#', next: 'bye' },
            ],
            fallback: { queue: 'general', reason: 'ivr-fallback' },
          },
          sales: {
            kind: 'route',
            queue: 'sales',
            reason: 'new-purchase',
            prompt: { 'en-US': 'Connecting you to sales.', 'zh-CN': '正在为您转接销售。' },
          },
          bye: { kind: 'hangup', prompt: { 'en-US': 'Goodbye.', 'zh-CN': '再见。' } },
          'closed-menu': {
            kind: 'menu',
            prompt: {
              'en-US': 'We are closed. Message 1, call back 2.',
              'zh-CN': '已下班。留言按1，回电按2。',
            },
            options: [
              { digit: 1, next: 'voicemail' },
              { digit: 2, next: 'callback' },
            ],
            fallback: { next: 'voicemail' },
          },
          holiday: {
            kind: 'message',
            prompt: { 'en-US': 'Happy holidays.', 'zh-CN': '节日快乐。' },
            next: 'bye',
          },
          voicemail: {
            kind: 'voicemail',
            prompt: { 'en-US': 'Leave a message.', 'zh-CN': '请留言。' },
            maxLengthSeconds: 90,
          },
          callback: {
            kind: 'callback',
            prompt: { 'en-US': 'We will call you back.', 'zh-CN': '我们会回电。' },
            queue: 'general',
            reason: 'after-hours-callback',
          },
        },
      },
    },
  };
}

export const SMALL_CONFIG_QUEUES = ['general', 'billing', 'sales'];
