/**
 * Whom a notice goes to: a contact person (联系人) and a phone for every curtailable customer of a
 * generated grid up to a city's size, so that the bundled stories show the notices as a dispatcher
 * works them (a province's 200,000 are left without: 10 MB of names nobody reads). Names and
 * numbers are invented (138 0000 and the customer's place in the list); they have their own
 * random stream, so nothing else the generator draws moves.
 */
import type { Rng } from '../../core/random/rng.ts';
import type { CustomerFile } from '../../core/scenario/schema.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['建国', '海峰', '丽华', '志强', '秀英', '伟', '敏', '静', '军', '磊', '洋', '艳', '勇', '杰', '娟', '涛', '明', '超', '霞', '平'];

/** Customers with measures (the curtailable ones) get a contact, up to `limit` of them. */
export function addContacts(customers: CustomerFile[], rng: Rng, limit = 10_000): void {
  const curtailable = customers.filter((c) => c.measures !== undefined);
  if (curtailable.length > limit) return;
  curtailable.forEach((c, i) => {
    const name = SURNAMES[rng.int(SURNAMES.length)] + GIVEN[rng.int(GIVEN.length)];
    c.contact = { name, phone: `138 0000 ${String(i % 10_000).padStart(4, '0')}` };
  });
}
