import { createLifecycleClock } from '../../domain/clock';

describe('createLifecycleClock', () => {
  const started = Date.parse('2026-11-23T00:00:00.000Z');

  it('is real time without compression', () => {
    const clock = createLifecycleClock(started);
    expect(clock.now(started + 5000).toISOString()).toBe('2026-11-23T00:00:05.000Z');
    expect(clock.delayUntil(new Date(started + 60_000), started)).toBe(60_000);
    expect(clock.delayUntil(new Date(started - 1), started)).toBe(0);
  });

  it('runs a day per real second from the origin when compressed 86 400 times', () => {
    const clock = createLifecycleClock(started, { origin: '2026-03-02T00:00:00.000Z', speedup: 86_400 });
    expect(clock.now(started).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(clock.now(started + 1000).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(clock.delayUntil(new Date('2026-03-05T00:00:00.000Z'), started + 1000)).toBe(2000);
    expect(clock.delayUntil(new Date('2026-03-01T00:00:00.000Z'), started)).toBe(0);
  });

  it.each([
    [{ origin: 'kemarin', speedup: 10 }, /origin/],
    [{ origin: '2026-03-02T00:00:00.000Z', speedup: 0.5 }, /speedup/],
    [{ origin: '2026-03-02T00:00:00.000Z', speedup: Number.NaN }, /speedup/],
  ])('rejects %j', (compression, message) => {
    expect(() => createLifecycleClock(started, compression)).toThrow(message);
  });
});
