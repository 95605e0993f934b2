/** Meters in: what the file read holds (or its problems, by row and column, as a scenario's are shown), and the story's script. */
import { formatProblem } from '../../core/problems.ts';
import type { Execution } from '../execution-state.ts';
import { problemCount, word, type Lang } from '../i18n.ts';
import { $ } from './dom.ts';

export function renderMeters(x: Execution, lang: Lang): void {
  const zh = lang === 'zh';
  for (const id of ['story-button', 'meters-button']) $<HTMLButtonElement>(id).disabled = x.judging || !x.notices;
  $<HTMLButtonElement>('meters-clear').disabled = x.judging || (!x.meters && !x.result);
  const summary = $('meters-summary');
  const m = x.result?.meters;
  const judged = x.result && x.meters;
  if (x.judging) summary.textContent = `${word('judging', lang)}…`;
  else if (judged && m) {
    const many = (n: number, one: string, more: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : more}`;
    const kinds = zh ? `用户 ${m.byKind.customer.toLocaleString('zh-CN')} 个、线路 ${m.byKind.feeder.toLocaleString('zh-CN')} 条、区域 ${m.byKind.area} 个` : `${many(m.byKind.customer, 'customer', 'customers')}, ${many(m.byKind.feeder, 'feeder', 'feeders')}, ${many(m.byKind.area, 'area', 'areas')}`;
    summary.textContent = zh
      ? `${x.meters!.name}：${m.meters.toLocaleString('zh-CN')} 个计量点（${kinds}），${m.readings.toLocaleString('zh-CN')} 个读数，每 ${m.intervalMinutes} 分钟一个；${m.from.slice(0, 16).replace('T', ' ')} 至 ${m.to.slice(0, 16).replace('T', ' ')}`
      : `${x.meters!.name}: ${m.meters.toLocaleString('en-US')} meters (${kinds}), ${m.readings.toLocaleString('en-US')} readings every ${m.intervalMinutes} min, ${m.from.slice(0, 16).replace('T', ' ')} to ${m.to.slice(0, 16).replace('T', ' ')}`;
    summary.textContent += `${zh ? '。' : '. '}${word('metersKeptNote', lang)}`;
  } else summary.textContent = word('metersEmpty', lang);
  const story = x.meters?.story;
  const script = $('meters-story');
  script.hidden = !story || !judged;
  if (story) {
    const dips = story.dipHours.map((t) => t.slice(11, 16)).join(zh ? '、' : ', ');
    script.textContent = zh
      ? `示例情景（${story.date}）：${story.short.length} 户未按指标执行（50–70 %），${story.late ?? '无'} 迟滞 1 小时，居民线路 ${story.dippedFeeder ?? '—'} 于 ${dips} 因故障负荷下降 35 %。`
      : `The story (${story.date}): ${story.short.length} customers short of their order (50–70 %), ${story.late ?? 'none'} an hour late, residents' feeder ${story.dippedFeeder ?? '—'} down 35 % at ${dips} for a fault.`;
  }
  const p = x.meterProblems;
  $('meter-problems').hidden = !p;
  if (!p) return;
  $('meter-problems-count').textContent = `${p.name}: ${problemCount(p.total, lang)}`;
  const items = p.problems.map((q) => { const li = document.createElement('li'); li.textContent = formatProblem(q); return li; });
  if (p.total > p.problems.length) { const li = document.createElement('li'); li.textContent = `… ${p.total - p.problems.length} ${word('more', lang)}`; items.push(li); }
  $('meter-problems-list').replaceChildren(...items);
  // core/ names the command line's flag; on the page the unit is the selector beside the buttons.
  const unit = p.problems.some((q) => q.message.includes('--unit'));
  $('meter-problems-kept').textContent = [unit ? word('unitHint', lang) : '', x.result ? word('metersKept', lang) : ''].filter(Boolean).join(' ');
}
