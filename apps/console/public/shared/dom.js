// Page helpers both console pages use; loaded from /console-shared/ as plain ES modules.

export const $ = (selector) => document.querySelector(selector);

/** Writes only a change: pages redraw every second, and an unchanged node is left alone (no flicker). */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** The page's fixed words in `language`: every [data-i18n] element, and the button offering the other. */
export function translateDocument(language, t) {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll('[data-i18n]')) setText(element, t(element.dataset.i18n));
  setText($('#language'), language === 'zh' ? 'English' : '中文');
}
