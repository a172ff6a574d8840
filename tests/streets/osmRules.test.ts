import { describe, expect, it } from 'vitest';
import { drawnNetwork, graphOfXml, osmXml, type DrawnNode } from '../helpers/osmXml.js';

// A square block, about 150 m east-west and 111 m north-south:
//
//   4 ─────────── 3
//   │             │
//   1 ─────────── 2
const BLOCK: DrawnNode[] = [
  [1, 48.0, 8.0],
  [2, 48.0, 8.002],
  [3, 48.001, 8.002],
  [4, 48.001, 8.0],
];
const residential = { highway: 'residential' };

describe('OSM tags → who may use a street (drawn XML snippets)', () => {
  it('oneway binds cars, not walkers: 1 → 2 is one-way, so a car from 2 to 1 goes round the block', async () => {
    const { net, at, along } = await drawnNetwork(BLOCK, [
      { nodes: [1, 2], tags: { highway: 'residential', oneway: 'yes', name: 'One Way' } },
      { nodes: [2, 3, 4, 1], tags: residential },
    ]);
    expect(net.route('CAR', at(1), at(2))!.meters).toBe(Math.ceil(along(1, 2)));
    expect(net.route('CAR', at(2), at(1))!.meters).toBe(Math.ceil(along(2, 3, 4, 1)));
    expect(net.route('WALK', at(2), at(1))!.meters).toBe(Math.ceil(along(2, 1)));
  });

  it('oneway=-1 runs against the node order', async () => {
    const { net, at, along } = await drawnNetwork(BLOCK, [
      { nodes: [1, 2], tags: { highway: 'residential', oneway: '-1' } },
      { nodes: [2, 3, 4, 1], tags: residential },
    ]);
    expect(net.route('CAR', at(2), at(1))!.meters).toBe(Math.ceil(along(2, 1)));
    expect(net.route('CAR', at(1), at(2))!.meters).toBe(Math.ceil(along(1, 4, 3, 2)));
  });

  it('foot=no keeps walkers off a road that cars use', async () => {
    const { net, at, along } = await drawnNetwork(BLOCK, [
      { nodes: [1, 2], tags: { highway: 'primary', foot: 'no' } },
      { nodes: [2, 3, 4, 1], tags: residential },
    ]);
    expect(net.route('WALK', at(1), at(2))!.meters).toBe(Math.ceil(along(1, 4, 3, 2)));
    expect(net.route('CAR', at(1), at(2))!.meters).toBe(Math.ceil(along(1, 2)));
  });

  it('access=private closes a road to everyone, unless foot=yes opens it to walkers', async () => {
    const closed = await drawnNetwork(BLOCK, [
      { nodes: [1, 2], tags: { highway: 'service', access: 'private' } },
      { nodes: [2, 3, 4, 1], tags: residential },
    ]);
    const round = Math.ceil(closed.along(1, 4, 3, 2));
    expect(closed.net.route('WALK', closed.at(1), closed.at(2))!.meters).toBe(round);
    expect(closed.net.route('CAR', closed.at(1), closed.at(2))!.meters).toBe(round);
    const footOpen = await drawnNetwork(BLOCK, [
      { nodes: [1, 2], tags: { highway: 'service', access: 'private', foot: 'yes' } },
      { nodes: [2, 3, 4, 1], tags: residential },
    ]);
    expect(footOpen.net.route('WALK', footOpen.at(1), footOpen.at(2))!.meters).toBe(
      Math.ceil(footOpen.along(1, 2)),
    );
    expect(footOpen.net.route('CAR', footOpen.at(1), footOpen.at(2))!.meters).toBe(round);
  });

  it('a pedestrian area (area=yes) is walked along its outline, and cars stay out', async () => {
    // The square 1-2-3-4 is a pedestrian plaza; a residential street leaves it at 2 by 5 to 8.
    const { net, at, along } = await drawnNetwork(
      [...BLOCK, [5, 48.0, 8.004], [8, 48.0, 8.006]],
      [
        { nodes: [1, 2, 3, 4, 1], tags: { highway: 'pedestrian', area: 'yes', name: 'Plaza' } },
        { nodes: [2, 5, 8], tags: residential },
      ],
    );
    const walk = net.route('WALK', at(5), at(4))!;
    expect(walk.meters).toBe(Math.ceil(along(5, 2, 3, 4)));
    expect(walk.steps.map((s) => s.streetName)).toEqual([null, 'Plaza']);
    // Cars are placed on the residential street only: the plaza's far corner is off their network.
    const g = net.graphs[0]!;
    expect(net.snap(g, at(4), 'WALK')!.offMeters).toBe(0);
    expect(net.snap(g, at(4), 'CAR')!.offMeters).toBeCloseTo(along(4, 2), 0);
  });

  it('a disconnected island is pruned: a point beside it is not on the network', async () => {
    // The block, and 2 km east a lone footway 6-7 that joins nothing.
    const xml = osmXml(
      [...BLOCK, [6, 48.0, 8.03], [7, 48.0005, 8.0305]],
      [
        { nodes: [1, 2, 3, 4, 1], tags: residential },
        { nodes: [6, 7], tags: { highway: 'footway' } },
      ],
    );
    const g = await graphOfXml(xml);
    expect(g.meta.counts.prunedVertices).toBe(2);
    expect(g.meta.counts.vertices).toBe(4);
    const { net, at } = await drawnNetwork(
      [...BLOCK, [6, 48.0, 8.03], [7, 48.0005, 8.0305]],
      [
        { nodes: [1, 2, 3, 4, 1], tags: residential },
        { nodes: [6, 7], tags: { highway: 'footway' } },
      ],
    );
    expect(net.route('WALK', at(1), at(6))).toBeUndefined();
  });

  it('a river with one bridge: the walk across goes by the bridge', async () => {
    //   10 ────────────── 11 ── 12        north bank street
    //                            │ bridge
    //  ~~~~~~~~~ river ~~~~~~~~~~│~~~~
    //   20 ────────────── 21 ── 22        south bank street
    const nodes: DrawnNode[] = [
      [10, 48.002, 8.0],
      [11, 48.002, 8.006],
      [12, 48.002, 8.008],
      [20, 48.0, 8.0],
      [21, 48.0, 8.006],
      [22, 48.0, 8.008],
      [30, 48.001, 7.99],
      [31, 48.001, 8.02],
    ];
    const { net, at, along } = await drawnNetwork(nodes, [
      { nodes: [10, 11, 12], tags: { highway: 'residential', name: 'North Street' } },
      { nodes: [20, 21, 22], tags: { highway: 'residential', name: 'South Street' } },
      { nodes: [22, 12], tags: { highway: 'residential', bridge: 'yes', name: 'Bridge' } },
      { nodes: [30, 31], tags: { waterway: 'river' } },
    ]);
    const walk = net.route('WALK', at(20), at(10))!;
    expect(walk.meters).toBe(Math.ceil(along(20, 21, 22, 12, 11, 10)));
    expect(walk.meters).toBeGreaterThan(3 * along(20, 10));
    expect(walk.steps.map((s) => [s.streetName, s.relativeDirection])).toEqual([
      ['South Street', 'DEPART'],
      ['Bridge', 'LEFT'],
      ['North Street', 'LEFT'],
    ]);
  });

  it('ferries and construction are not streets', async () => {
    const g = await graphOfXml(
      osmXml(BLOCK, [
        { nodes: [1, 2, 3], tags: { route: 'ferry' } },
        { nodes: [3, 4, 1], tags: { highway: 'construction' } },
        { nodes: [1, 2], tags: { highway: 'residential', construction: 'minor' } },
      ]),
    );
    expect(g.meta.counts.segments).toBe(0);
  });
});
