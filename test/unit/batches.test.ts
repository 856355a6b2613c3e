import { batchesBySize } from '../../workflows/batches';

const length = (text: string) => text.length;

describe('batchesBySize', () => {
  it('fills each batch up to the limit, in order', () => {
    expect(batchesBySize(['aa', 'bb', 'cc', 'dd', 'e'], length, 5)).toEqual([
      ['aa', 'bb'],
      ['cc', 'dd', 'e'],
    ]);
  });

  it('puts an item larger than the limit in a batch of its own', () => {
    expect(batchesBySize(['a', 'bbbbbbb', 'c'], length, 5)).toEqual([['a'], ['bbbbbbb'], ['c']]);
  });

  it('keeps everything in one batch when it fits, and returns none for nothing', () => {
    expect(batchesBySize(['a', 'b', 'c'], length, 10)).toEqual([['a', 'b', 'c']]);
    expect(batchesBySize([], length, 10)).toEqual([]);
  });

  it('starts a new batch at the count limit, even when the size would allow more', () => {
    expect(batchesBySize(['a', 'b', 'c', 'd', 'e'], length, 100, 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(batchesBySize(['aaa', 'bbb', 'c'], length, 4, 2)).toEqual([['aaa'], ['bbb', 'c']]);
  });

  it('never exceeds the limit with items that fit, whatever their sizes', () => {
    const items = Array.from({ length: 200 }, (_, n) => 'x'.repeat(1 + ((n * 37) % 23)));
    const batches = batchesBySize(items, length, 60);
    expect(batches.flat()).toEqual(items);
    for (const batch of batches) expect(batch.reduce((sum, item) => sum + item.length, 0)).toBeLessThanOrEqual(60);
  });
});
