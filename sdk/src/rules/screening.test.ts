import { describe, expect, it } from 'vitest';
import {
  banCovers,
  channelState,
  dishonestInForce,
  listedInForce,
  listingInForce,
  listingLastDay,
  listingPeriodEnd,
  membershipInForce,
} from './screening.ts';

const CUTOFF = '2026-11-20';

describe('dishonestInForce (judged on the cutoff day)', () => {
  it.each([
    ['listed the day before', { listedAt: '2026-11-19', expiresAt: null, removedAt: null }, true],
    ['listed on the cutoff', { listedAt: CUTOFF, expiresAt: null, removedAt: null }, true],
    ['listed the day after', { listedAt: '2026-11-21', expiresAt: null, removedAt: null }, false],
    [
      'expiring on the cutoff (last day)',
      { listedAt: '2024-11-20', expiresAt: CUTOFF, removedAt: null },
      true,
    ],
    ['expired the day before', { listedAt: '2024-11-19', expiresAt: '2026-11-19', removedAt: null }, false],
    ['removed on the cutoff', { listedAt: '2025-01-01', expiresAt: null, removedAt: CUTOFF }, false],
    ['removed the day after', { listedAt: '2025-01-01', expiresAt: null, removedAt: '2026-11-21' }, true],
  ])('%s → %s', (_label, listing, expected) => {
    expect(dishonestInForce(listing, CUTOFF)).toBe(expected);
  });
});

describe('listedInForce and banCovers', () => {
  it('treats a same-day removal as removed', () => {
    expect(listedInForce({ listedAt: '2025-01-01', removedAt: CUTOFF }, CUTOFF)).toBe(false);
    expect(listedInForce({ listedAt: '2025-01-01', removedAt: null }, CUTOFF)).toBe(true);
  });

  it('counts both ends of a ban as banned days', () => {
    expect(banCovers({ banFrom: CUTOFF, banUntil: '2027-01-01' }, CUTOFF)).toBe(true);
    expect(banCovers({ banFrom: '2025-01-01', banUntil: CUTOFF }, CUTOFF)).toBe(true);
    expect(banCovers({ banFrom: '2025-01-01', banUntil: '2026-11-19' }, CUTOFF)).toBe(false);
    expect(banCovers({ banFrom: '2026-11-21', banUntil: '2027-11-21' }, CUTOFF)).toBe(false);
  });

  it('reads a list membership by its dates, and its active flag only when open-ended', () => {
    const m = { list: 'abnormal_operation' as const, kind: 'black' as const, since: '2025-01-01' };
    expect(membershipInForce({ ...m, until: null, active: true }, CUTOFF)).toBe(true);
    expect(membershipInForce({ ...m, until: null, active: false }, CUTOFF)).toBe(false);
    expect(membershipInForce({ ...m, until: '2026-11-19', active: false }, CUTOFF)).toBe(false);
    expect(membershipInForce({ ...m, until: '2026-12-01', active: true }, CUTOFF)).toBe(true);
    expect(membershipInForce({ ...m, kind: 'red', until: null, active: true }, CUTOFF)).toBe(false);
  });
});

describe('channelState', () => {
  it('is ok when any entry for the channel was read', () => {
    const t = '2026-11-01T09:00:00+08:00';
    expect(
      channelState(
        [
          { channel: 'ccgp', status: 'unavailable', fetchedAt: null, reason: 'timeout' },
          { channel: 'ccgp', status: 'ok', fetchedAt: t },
        ],
        'ccgp',
      ),
    ).toEqual({ status: 'ok', fetchedAt: t, reason: null });
    expect(
      channelState([{ channel: 'ccgp', status: 'unavailable', fetchedAt: null, reason: 'timeout' }], 'ccgp'),
    ).toEqual({
      status: 'unavailable',
      fetchedAt: null,
      reason: 'timeout',
    });
    expect(channelState([], 'creditchina')).toEqual({ status: 'missing', fetchedAt: null, reason: null });
  });
});

describe("a listing's last day (one rule for the packs and the seed data)", () => {
  it('a listing period ends on the corresponding day (民法典 第二百零二条), the month end where there is none', () => {
    expect(listingPeriodEnd('2025-04-16', 2)).toBe('2027-04-16');
    expect(listingPeriodEnd('2024-02-29', 2)).toBe('2026-02-28');
    expect(listingPeriodEnd('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('the last day is the expiry, or the day before a removal, whichever is first', () => {
    expect(listingLastDay({ expiresAt: '2027-04-16', removedAt: null })).toBe('2027-04-16');
    expect(listingLastDay({ expiresAt: '2027-04-16', removedAt: '2026-03-01' })).toBe('2026-02-28');
    expect(listingLastDay({ expiresAt: '2026-01-10', removedAt: '2026-03-01' })).toBe('2026-01-10');
    expect(listingLastDay({ removedAt: null })).toBeNull();
  });

  it('in force on its last day, not on the removal day, not before it was listed', () => {
    const r = { listedAt: '2025-04-16', expiresAt: '2027-04-16', removedAt: null };
    expect(listingInForce(r, '2027-04-16')).toBe(true);
    expect(listingInForce(r, '2027-04-17')).toBe(false);
    expect(listingInForce(r, '2025-04-15')).toBe(false);
    expect(listingInForce({ ...r, removedAt: '2026-02-12' }, '2026-02-12')).toBe(false);
    expect(listingInForce({ ...r, removedAt: '2026-02-12' }, '2026-02-11')).toBe(true);
  });
});
