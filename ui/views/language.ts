/** The page's fixed words (elements marked data-i18n) and the language button. */
import { word, type Lang, type WordKey } from '../i18n.ts';
import { STORIES } from '../stories.ts';
import { $, option } from './dom.ts';

export function renderLanguage(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = word(el.dataset.i18n as WordKey, lang);
  });
  $('lang-button').textContent = lang === 'zh' ? 'English' : '中文';
  $('lang-button').setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
  const stories = $<HTMLSelectElement>('story-select');
  stories.setAttribute('aria-label', word('stories', lang));
  stories.replaceChildren(option('', word('stories', lang)), ...STORIES.map((s) => option(s.file, s[lang])));
}
