// The server's node:crypto TicketHasher gives the same digests and tickets as core's default (house style).
import { defaultTicketHasher, ticket, ticketFromDigest } from '@openssj/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeTicketHasher } from '../../src/contexts/draw/engine/node-ticket-hasher';
import { plannedDates } from '../../src/contexts/draw/engine/planned-dates';

describe('nodeTicketHasher', () => {
  it('matches the spec check value', () => {
    const h = nodeTicketHasher();
    const prefix = '0'.repeat(64);
    expect(h.hashBatch(prefix, []).length).toBe(0);
    expect(ticket('01382438112797316654', 'AB-130')).toBe(
      '0.26299714122838008416507544297546663599715395525154425586041245287750224561854',
    );
  });
  it('equals core’s default hasher on any ids', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 20 }),
        (prefix, ids) => {
          const a = nodeTicketHasher().hashBatch(prefix, ids);
          const b = defaultTicketHasher.hashBatch(prefix, ids);
          expect(Buffer.from(a).toString('hex')).toBe(Buffer.from(b).toString('hex'));
          for (let i = 0; i < ids.length; i++) {
            expect(ticketFromDigest(a, i * 32)).toBe(ticketFromDigest(b, i * 32));
          }
        },
      ),
    );
  });
});

describe('plannedDates', () => {
  it('spreads visits over working days of the window, not before the draw', () => {
    const d = plannedDates('2026-10-01', '2026-10-31', '2026-09-20', 5);
    expect(d).toHaveLength(5);
    expect(d[0]).toBe('2026-10-08'); // National Day holiday Oct 1–7
    expect(plannedDates('2026-12-01', '2026-12-31', '2026-12-15', 3).every((x) => x >= '2026-12-15')).toBe(
      true,
    );
  });
});
