// The demo data set passes the item and inspector library schemas (guidelines, qualifications, inspector rules).
import { guidelineSchema, qualificationsSchema, validateInspector } from '@openssj/core';
import { expect, it } from 'vitest';
import { generateDemo } from '../../src/demo';
it('demo items and inspectors pass the library schemas', () => {
  const d = generateDemo();
  const bad = d.items.filter((i) => !guidelineSchema.safeParse(i.guideline).success);
  expect(bad.length, String(JSON.stringify(bad[0]?.guideline)).slice(0, 500)).toBe(0);
  const badI = d.inspectors.filter(
    (i) =>
      !qualificationsSchema.safeParse(i.qualifications).success ||
      !validateInspector({
        ...i,
        qualifications: [...i.qualifications],
        specialties: [...i.specialties],
        badgeNo: i.badgeNumber,
        capacity: i.capacityPerTask,
      }).ok,
  );
  expect(badI.length, String(JSON.stringify(badI[0]))).toBe(0);
});
