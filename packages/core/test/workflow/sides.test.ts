// The sides of a cross-region task (issue 6): which department owns a target's visit.
import { describe, expect, it } from 'vitest';
import { isSidedTask, regionPrefix, sideOfTarget } from '../../src/workflow/sides';

const YB = { code: '500112-SCJG', regionCode: '500112' };
const YB_MZ = { code: '500112-MZ', regionCode: '500112' };
const LS = { code: '511623-SCJG', regionCode: '511623' };
const CITY = { code: '500000-SCJG', regionCode: '500000' };

describe('sides of a cross-region task', () => {
  it('takes the shared prefix of a region code', () => {
    expect(regionPrefix('500112')).toBe('500112');
    expect(regionPrefix('511600')).toBe('5116');
    expect(regionPrefix('510000')).toBe('51');
    expect(regionPrefix('500100')).toBe('5001');
  });

  it('splits only a cross-region task whose departments span regions', () => {
    expect(isSidedTask(true, [YB, LS])).toBe(true);
    expect(isSidedTask(false, [YB, LS])).toBe(false);
    expect(isSidedTask(true, [YB, YB_MZ])).toBe(false);
    expect(sideOfTarget(true, [YB, YB_MZ], '500112')).toBeNull();
  });

  it('gives a target to the departments of the most specific region holding it', () => {
    expect(sideOfTarget(true, [YB, LS], '511623')).toEqual({
      departments: ['511623-SCJG'],
      regionCode: '511623',
    });
    expect(sideOfTarget(true, [YB, YB_MZ, LS], '500112')).toEqual({
      departments: ['500112-SCJG', '500112-MZ'],
      regionCode: '500112',
    });
    // the district wins over the city; a division of the city outside the district goes to the city
    expect(sideOfTarget(true, [CITY, YB], '500112')?.departments).toEqual(['500112-SCJG']);
    expect(sideOfTarget(true, [CITY, YB], '500103')?.departments).toEqual(['500000-SCJG']);
    // nobody's region: shared, as in any joint task
    expect(sideOfTarget(true, [YB, LS], '500103')).toBeNull();
  });
});
