import { describe, expect, it } from 'vitest';
import { plan } from '../../src/planner/plan.js';
import { Reference } from '../helpers/reference.js';
import { grid, offset, tinyWorld, type TinyFeedSpec } from '../helpers/tinyFeed.js';
import { refQueryOf } from './compare.js';

/**
 * Known differences between the router and DESIGN.md §4 (as the reference reads it), each as
 * an `it.fails` test that asserts the correct answer: it passes while the router is wrong, and
 * starts failing once src/ is fixed, at which point `it.fails` becomes `it`.
 */

describe('transfers.txt precedence between rows naming a station and rows naming its platforms', () => {
  //   station S = { S1, S2 } (platforms 21 m apart)
  //   transfers.txt, in this order:   S,S2,2,30     (names platform S2 directly)
  //                                   S,S,2,300     (names only the station)
  //   t1: A 08:00 ──▶ S1 08:10
  //   t2:             S2 08:11:30 ──▶ C 08:20    made if S1 → S2 takes 30 s (+ 60 s slack)
  //   t3:             S2 08:16:00 ──▶ C 08:40    made if it takes 300 s
  //
  // The row naming S2 is the more specific one for S1 → S2 and should win whatever the file
  // order (records of a GTFS file are not ordered; the router already lets stop-level rows win
  // over station-level rows). compileTimetable puts every row naming a station on either side
  // into one group applied in file order, so the later `S,S,2,300` overrides `S,S2,2,30`.
  // With the two rows swapped, the router answers 08:20.
  const S = grid(1, 0);
  const spec: TinyFeedSpec = {
    stops: {
      A: grid(0, 0),
      S: { lat: S[0], lon: S[1], station: true },
      S1: { lat: S[0], lon: S[1], parent: 'S' },
      S2: { lat: offset(S, 21)[0], lon: S[1], parent: 'S' },
      C: grid(2, 0),
    },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['S1', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['S2', '08:11:30', '08:11:30'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['S2', '08:16:00', '08:16:00'],
        ['C', '08:40:00', '08:40:00'],
      ],
    },
    transfers: [
      ['S', 'S2', 2, 30],
      ['S', 'S', 2, 300],
    ],
  };

  it('the swapped order already gives 08:20 (control)', () => {
    const w = tinyWorld({ ...spec, transfers: [...spec.transfers!].reverse() });
    expect(plan(w.net, w.query('A', 'C', '2026-12-02T07:55')).itineraries[0]?.arrival).toBe(
      w.at('2026-12-02T08:20'),
    );
  });

  it('the reference answers 08:20 in the file order above', () => {
    const w = tinyWorld(spec);
    const q = w.query('A', 'C', '2026-12-02T07:55');
    expect(new Reference([w.src]).earliestArrival(refQueryOf(w.tt, q)).arrival).toBe(
      w.at('2026-12-02T08:20'),
    );
  });

  it('a row naming a platform wins over a later row naming only its station', () => {
    const w = tinyWorld(spec);
    // Router today: 08:40 (via t3), having taken S1 → S2 as 300 s.
    expect(plan(w.net, w.query('A', 'C', '2026-12-02T07:55')).itineraries[0]?.arrival).toBe(
      w.at('2026-12-02T08:20'),
    );
  });
});
