import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, monthIndex, monthOf, monthRange, subtractYears } from './dates.ts';

describe('subtractYears', () => {
  it.each([
    ['2026-11-20', 3, '2023-11-20'],
    ['2024-02-29', 3, '2021-02-28'],
    ['2024-02-29', 4, '2020-02-29'],
    ['2025-01-01', 3, '2022-01-01'],
  ])('%s minus %i years is %s', (date, years, expected) => {
    expect(subtractYears(date, years)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2023-11-20', 1, '2023-11-21'],
    ['2023-11-20', -1, '2023-11-19'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s %+i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('months', () => {
  it('takes the month of a date and steps across years', () => {
    expect(monthOf('2026-11-01')).toBe('2026-11');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
  });

  it('prints a range or a single month', () => {
    expect(monthRange(['2025-03', '2025-04', '2025-05'])).toBe('2025-03..2025-05');
    expect(monthRange(['2025-03'])).toBe('2025-03');
  });

  it('round-trips any month offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -600, max: 600 }),
        (y, m, n) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          const moved = addMonths(month, n);
          expect(monthIndex(moved) - monthIndex(month)).toBe(n);
          expect(addMonths(moved, -n)).toBe(month);
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it('checks the shape and the calendar', () => {
    expect(isIsoDate('2026-11-20')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-1-20')).toBe(false);
    expect(isIsoDate('20261120')).toBe(false);
    expect(isIsoDate('2026/11/15')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate(20261120)).toBe(false);
  });

  it('never throws on an impossible date', () => {
    expect(subtractYears('2023-02-31', 3)).toBe('2020-02-31');
    expect(addDays('2023-02-31', 1)).toBe('2023-03-04');
  });
});
