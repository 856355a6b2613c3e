/**
 * Splits `items` into consecutive batches whose sizes (by `sizeOf`) add up to at most `maxSize` each, and of at most
 * `maxCount` items; an item larger than `maxSize` on its own gets a batch of its own. Order is kept. Pure and
 * deterministic, so workflows may use it.
 */
export function batchesBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxSize: number,
  maxCount = Number.POSITIVE_INFINITY,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentSize = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (currentSize + size > maxSize || current.length >= maxCount)) {
      batches.push(current);
      current = [];
      currentSize = 0;
    }
    current.push(item);
    currentSize += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
