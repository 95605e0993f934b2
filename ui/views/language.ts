/** The page's fixed words (elements marked data-i18n) and the language button. */
import { word, type Lang, type WordKey } from '../i18n.ts';
import { $ } from './dom.ts';

export function renderLanguage(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = word(el.dataset.i18n as WordKey, lang);
  });
  $('lang-button').textContent = lang === 'zh' ? 'English' : '中文';
}
