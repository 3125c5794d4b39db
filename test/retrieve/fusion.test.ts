import { describe, expect, it } from 'vitest';
import { mmr, reciprocalRankFusion } from '../../src/retrieve/fusion.js';

describe('reciprocalRankFusion', () => {
  it('rewards agreement between legs and keeps each leg’s rank and score', () => {
    const fused = reciprocalRankFusion(
      [
        { id: 'a', score: 0.9 },
        { id: 'b', score: 0.8 },
        { id: 'c', score: 0.7 },
      ],
      [
        { id: 'b', score: 3 },
        { id: 'c', score: 2 },
      ],
    );
    expect(fused.map((h) => h.id)).toEqual(['b', 'c', 'a']);
    expect(fused[0].vector).toEqual({ score: 0.8, rank: 2 });
    expect(fused[0].text).toEqual({ score: 3, rank: 1 });
    expect(fused[2].text).toBeNull();
    expect(fused[0].fused).toBeCloseTo(1 / 62 + 1 / 61);
  });
});

describe('mmr', () => {
  it('skips a near-duplicate of what is already picked', () => {
    const vectors = new Map([
      ['a', [1, 0]],
      ['a2', [1, 0]],
      ['b', [0, 1]],
    ]);
    const picked = mmr(
      [
        { id: 'a', fused: 1 },
        { id: 'a2', fused: 0.95 },
        { id: 'b', fused: 0.8 },
      ],
      vectors,
      2,
      0.5,
    );
    expect(picked.map((p) => p.id)).toEqual(['a', 'b']);
    const plain = mmr(
      [
        { id: 'a', fused: 1 },
        { id: 'a2', fused: 0.95 },
        { id: 'b', fused: 0.8 },
      ],
      vectors,
      2,
      1,
    );
    expect(plain.map((p) => p.id)).toEqual(['a', 'a2']);
  });
});
