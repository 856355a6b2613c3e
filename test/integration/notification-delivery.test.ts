import { randomUUID } from 'node:crypto';
import { useTestStack } from '../support/stack';

const stack = useTestStack();

describe('email delivery status against the real SMTP server', () => {
  it('records a permanent refusal (550 unknown mailbox) as failed with the reason, and never retries it', async () => {
    const id = `2026-${randomUUID().slice(0, 8)}`;
    const cycle = {
      id,
      name: 'Siklus uji penolakan',
      year: 2026,
      units: [],
      launchedBy: { name: 'Alamat salah', email: `salah-${id}@ditolak.test` },
    };

    const outcome = await stack().activities.notifyCycleLaunched(cycle);
    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('550') });
    const record = await stack().models.Notification.findById(`cycle-launched:${id}`).lean();
    expect(record).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('tidak dikenal'),
    });

    // A retried activity finds the verdict and does not knock again.
    expect(await stack().activities.notifyCycleLaunched(cycle)).toMatchObject({ status: 'failed' });
    expect(await stack().models.Notification.findById(`cycle-launched:${id}`).lean()).toMatchObject({ attempts: 1 });
  });

  it('sends to a good address and records it as sent', async () => {
    const id = `2026-${randomUUID().slice(0, 8)}`;
    const cycle = {
      id,
      name: 'Siklus uji kirim',
      year: 2026,
      units: [],
      launchedBy: { name: 'Bagian Organisasi', email: `organisasi-${id}@pemkot.test` },
    };
    expect(await stack().activities.notifyCycleLaunched(cycle)).toMatchObject({ status: 'sent' });
    expect(await stack().models.Notification.findById(`cycle-launched:${id}`).lean()).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });
});
