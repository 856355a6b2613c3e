import { cpuSecondsOf, startCpuMeter, type CpuUse } from '../../bench/support/cpu';
import { busy, cpuReading, cpuTable } from '../../bench/support/cpu-report';

/** Burns `seconds` of this process's CPU time (as Node counts it), however long that takes on a busy machine. */
const burn = (seconds: number) => {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1e6 >= seconds) return;
  }
};

describe("the bench's CPU accounting", () => {
  it("reads a process's CPU time from /proc, and nothing for a process that is gone", () => {
    const before = cpuSecondsOf(process.pid)!;
    burn(0.3);
    // /proc counts in clock ticks (1/100 s): the same time, give or take a tick at each end.
    expect(cpuSecondsOf(process.pid)! - before).toBeGreaterThanOrEqual(0.28);
    expect(cpuSecondsOf(2 ** 30)).toBeUndefined();
  });

  it('adds up processes of the same name and lists the busiest first', () => {
    const meter = startCpuMeter([
      { name: 'bench', pid: process.pid },
      { name: 'gone', pid: 2 ** 30 },
    ]);
    burn(0.2);
    const use = meter.stop();
    expect(use.byProcess.map((p) => p.name)).toEqual(['bench']);
    expect(use.byProcess[0]!.seconds).toBeGreaterThanOrEqual(0.18);
  });

  const use = (wallSeconds: number, byProcess: Record<string, number>): CpuUse => ({
    wallMs: wallSeconds * 1000,
    cores: 2,
    byProcess: Object.entries(byProcess).map(([name, seconds]) => ({ name, seconds })),
  });
  const floor = use(30, { 'Temporal server': 31, 'floor worker': 17, database: 4, 'bench (load and polling)': 3 });
  const product = use(75, { 'product worker': 69, 'Temporal server': 49, database: 10, 'SMTP sink': 4.5, API: 1 });

  it('says when both runs kept the cores busy, and when the servers leave no room for the goal', () => {
    expect(busy(floor)).toBeCloseTo(55 / 60);
    const reading = cpuReading(floor, product, 1.3);
    expect(reading).toContain('both kept the cores busy');
    expect(reading).toContain("the product's was 2.43× the floor's");
    // Temporal 49 + database 10 + the floor's worker 17 = 76 CPU s, 1.38× the floor's 55: above 1.3, below 1.5.
    expect(reading).toContain('that is still 76.0 CPU s, 1.38× the floor');
    expect(reading).toContain('cannot reach 1.3×');
    expect(cpuReading(floor, product, 1.5)).not.toContain('cannot reach');
  });

  it('does not read the time as CPU-bound when the cores were idle', () => {
    const idle = use(30, { 'Temporal server': 5, 'floor worker': 3 });
    expect(cpuReading(idle, product, 1.3)).not.toContain('kept the cores busy');
  });

  it('tabulates floor against product by process', () => {
    const [header, , row] = cpuTable([{ units: 200, figure: '1. launch', floor, product }]);
    expect(header).toContain('Temporal server (floor → product)');
    expect(row).toContain(
      '| 200 | 1. launch | 55.0 in 30.0 (92%) | 133.5 in 75.0 (89%) | 2.43× | 17.0 → 69.0 | 31.0 → 49.0 |',
    );
  });
});
