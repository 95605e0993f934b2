/** Place names for synthetic areas, in pinyin and characters, from a seeded draw. */
import type { Rng } from '../../core/random/rng.ts';

const SYLLABLES: Array<[string, string]> = [
  ['Dong', '东'], ['Xi', '西'], ['Nan', '南'], ['Bei', '北'], ['He', '河'], ['Hu', '湖'], ['Shan', '山'], ['Qiao', '桥'],
  ['Gang', '港'], ['Lin', '林'], ['Ping', '平'], ['An', '安'], ['Xin', '新'], ['Feng', '丰'], ['Yang', '阳'], ['Jiang', '江'],
  ['Hua', '华'], ['Tai', '泰'], ['Ning', '宁'], ['Kang', '康'], ['Shun', '顺'], ['Fu', '福'], ['Long', '龙'], ['Cheng', '城'],
  ['Qing', '青'], ['Song', '松'], ['Bai', '柏'], ['Quan', '泉'], ['Yuan', '源'], ['Guang', '光'], ['Ming', '明'], ['Sheng', '盛'],
];

/** A unique two-syllable name such as ["Donghu", "东湖"]. */
export function placeNamer(rng: Rng): () => [string, string] {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; ; attempt++) {
      const [p1, h1] = SYLLABLES[rng.int(SYLLABLES.length)];
      const [p2, h2] = SYLLABLES[rng.int(SYLLABLES.length)];
      if (p1 === p2) continue;
      const en = p1 + p2.toLowerCase();
      const key = attempt > 50 ? `${en}${attempt}` : en;
      if (used.has(key)) continue;
      used.add(key);
      return attempt > 50 ? [`${en} ${attempt}`, `${h1}${h2}${attempt}`] : [en, h1 + h2];
    }
  };
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
