import { randomUUID } from 'node:crypto';
import { createDigestActivities, type QueueDigestItemInput } from '../../activities/digest';
import { createMailer, type Mailer } from '../../activities/mailer';
import { digestItemModel, type DigestItemModel } from '../../activities/models/digest-item.model';
import { createNotifier } from '../../activities/notifications';
import { createEmailRenderer } from '../../activities/templates';
import type { Participant } from '../../domain/people';
import { messagesTo, readMessage } from '../support/mailbox';
import { useTestStack } from '../support/stack';

const stack = useTestStack();

/**
 * The daily digest against the real MongoDB-wire server and SMTP sink: items are queued as the task workflow
 * would queue them (instead of single reminders) and sent as one morning email per person and day.
 */
let DigestItem: DigestItemModel;
let mailer: Mailer;
let digest: ReturnType<typeof createDigestActivities>;

beforeAll(async () => {
  DigestItem = digestItemModel(stack().mongo);
  await DigestItem.createIndexes();
  mailer = createMailer(stack().config.smtp);
  digest = createDigestActivities({
    DigestItem,
    send: createNotifier({ Notification: stack().models.Notification, mailer, render: createEmailRenderer() }),
    publicUrl: stack().config.http.publicUrl,
  });
});

afterAll(() => mailer?.close());

function someone(label: string): Participant {
  const id = `${label}-${randomUUID()}`;
  return { personId: id, roles: ['anggota_tim'], name: `Pegawai ${label}`, email: `${id}@pemkot.test` };
}

function item(cycleId: string, person: Participant, key: string, queuedAt: string): QueueDigestItemInput {
  const taskId = `tugas:${cycleId}:DPMPTSP:${key}`;
  return {
    dedupeKey: `task-reminder:${taskId}#3:${person.personId}`,
    cycleId,
    personId: person.personId,
    to: person.email,
    name: person.name,
    kind: 'task-reminder',
    subject: `Pengingat: tenggat 1 hari kerja lagi: ${key} (DPMPTSP)`,
    taskId,
    link: `http://zi.test/tugas/${encodeURIComponent(taskId)}`,
    queuedAt,
  };
}

/** Thursday 5 March 2026, 07:00 WIB: the morning digest takes what was queued up to then. */
const day1 = { day: '2026-03-05', cutoff: '2026-03-05T00:00:00.000Z' } as const;
const day2 = { day: '2026-03-06', cutoff: '2026-03-06T00:00:00.000Z' } as const;

function newCycle() {
  return { cycleId: `2026-${randomUUID().slice(0, 8)}`, cycleName: 'Pembangunan ZI Pemerintah Kota Contoh' };
}

describe('daily digest', () => {
  it('stores an item queued twice (a retried activity) once', async () => {
    const { cycleId } = newCycle();
    const person = someone('retry');
    const queued = item(cycleId, person, 'sk_tim_kerja', '2026-03-04T02:00:00.000Z');
    await expect(digest.queueDigestItem(queued)).resolves.toBe('queued');
    await expect(digest.queueDigestItem({ ...queued, subject: 'changed by a later call' })).resolves.toBe(
      'already-queued',
    );
    const stored = await DigestItem.find({ cycleId, personId: person.personId }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      _id: queued.dedupeKey,
      subject: queued.subject,
      kind: 'task-reminder',
      taskId: queued.taskId,
      queuedAt: new Date('2026-03-04T02:00:00.000Z'),
    });
    expect(stored[0]?.digestedOn).toBeUndefined();
  });

  it('stores an item queued by racing attempts once', async () => {
    const { cycleId } = newCycle();
    const person = someone('race');
    const queued = item(cycleId, person, 'sk_tim_kerja', '2026-03-04T02:00:00.000Z');
    const results = await Promise.all([1, 2, 3, 4].map(() => digest.queueDigestItem(queued)));
    expect(results.filter((r) => r === 'queued')).toHaveLength(1);
    expect(await DigestItem.countDocuments({ cycleId, personId: person.personId })).toBe(1);
  });

  it('sends one email with every item, once per day, and keeps later items for the next day', async () => {
    const { cycleId, cycleName } = newCycle();
    const person = someone('digest');
    const early = [
      item(cycleId, person, 'sk_tim_kerja', '2026-03-04T01:00:00.000Z'),
      item(cycleId, person, 'rencana_kerja', '2026-03-04T09:00:00.000Z'),
      item(cycleId, person, 'pakta_integritas', '2026-03-05T00:00:00.000Z'), // exactly at the cutoff: included
    ];
    const late = item(cycleId, person, 'survei_internal', '2026-03-05T00:00:00.001Z');
    for (const queued of [...early, late]) await digest.queueDigestItem(queued);
    // A retry of one of the queueing activities: still three items for the day.
    await digest.queueDigestItem(early[1]!);

    const first = await digest.sendDigest({ cycleId, cycleName, recipient: person, ...day1, zone: 'WIB' });
    expect(first).toMatchObject({ status: 'sent', items: 3 });

    const mail = await messagesTo(person.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.Subject).toBe(
      `Ringkasan harian Zona Integritas Kamis, 05 Maret 2026: 3 pemberitahuan (${cycleName})`,
    );
    const message = await readMessage(mail[0]!.ID);
    for (const queued of early) {
      expect(message.Text).toContain(`- ${queued.subject}`);
      expect(message.Text).toContain(queued.link);
    }
    expect(message.Text).not.toContain(late.subject);
    expect(message.Text).toContain('(Rabu, 04 Maret 2026 pukul 16.00 WIB)');
    expect(message.Text).toContain(`Yth. ${person.name},`);
    expect(message.Text).toContain(`http://zi.test/siklus/${cycleId}`);

    // The same day again (a retried activity, or a repeated call): nothing more is sent.
    const again = await digest.sendDigest({ cycleId, cycleName, recipient: person, ...day1, zone: 'WIB' });
    expect(again).toMatchObject({ status: 'already-sent', items: 3 });
    expect(await messagesTo(person.email)).toHaveLength(1);

    // The item queued after the cutoff goes into the next day's digest, alone.
    const next = await digest.sendDigest({ cycleId, cycleName, recipient: person, ...day2, zone: 'WIB' });
    expect(next).toMatchObject({ status: 'sent', items: 1 });
    const both = await messagesTo(person.email);
    expect(both).toHaveLength(2);
    const second = both.find((m) => m.Subject.includes('Jumat, 06 Maret 2026'));
    expect(second?.Subject).toContain('1 pemberitahuan');
    const secondText = (await readMessage(second!.ID)).Text;
    expect(secondText).toContain(`- ${late.subject}`);
    for (const queued of early) expect(secondText).not.toContain(queued.subject);

    const stored = await DigestItem.find({ cycleId, personId: person.personId }).sort({ queuedAt: 1 }).lean();
    expect(stored.map((s) => s.digestedOn)).toEqual([day1.day, day1.day, day1.day, day2.day]);
  });

  it('resumes after a crash between taking the items and sending: the retry sends them, once', async () => {
    const { cycleId, cycleName } = newCycle();
    const person = someone('crash');
    const queued = [
      item(cycleId, person, 'sk_tim_kerja', '2026-03-04T01:00:00.000Z'),
      item(cycleId, person, 'rencana_kerja', '2026-03-04T02:00:00.000Z'),
    ];
    for (const q of queued) await digest.queueDigestItem(q);
    const crashing = createDigestActivities({
      DigestItem,
      send: async () => {
        throw new Error('the worker died before the email went out');
      },
      publicUrl: stack().config.http.publicUrl,
    });
    await expect(crashing.sendDigest({ cycleId, cycleName, recipient: person, ...day1, zone: 'WIB' })).rejects.toThrow(
      'worker died',
    );
    // Between the attempts an item arrives whose queuedAt is before the cutoff (its activity ran late).
    const straggler = item(cycleId, person, 'pakta_integritas', '2026-03-04T23:00:00.000Z');
    await digest.queueDigestItem(straggler);

    const retried = await digest.sendDigest({ cycleId, cycleName, recipient: person, ...day1, zone: 'WIB' });
    expect(retried).toMatchObject({ status: 'sent', items: 2 });
    const mail = await messagesTo(person.email);
    expect(mail).toHaveLength(1);
    const text = (await readMessage(mail[0]!.ID)).Text;
    for (const q of queued) expect(text).toContain(q.subject);

    // The straggler was not taken by the retry, so it is not lost: the next day's digest carries it.
    const next = await digest.sendDigest({ cycleId, cycleName, recipient: person, ...day2, zone: 'WIB' });
    expect(next).toMatchObject({ status: 'sent', items: 1 });
    const both = await messagesTo(person.email);
    expect(both).toHaveLength(2);
  });

  it('sends nothing to a person without items, and keeps people and cycles apart', async () => {
    const { cycleId, cycleName } = newCycle();
    const busy = someone('busy');
    const idle = someone('idle');
    await digest.queueDigestItem(item(cycleId, busy, 'sk_tim_kerja', '2026-03-04T01:00:00.000Z'));
    // The idle person has an item, but in another cycle: not theirs for this one.
    const other = newCycle();
    await digest.queueDigestItem(item(other.cycleId, idle, 'sk_tim_kerja', '2026-03-04T01:00:00.000Z'));

    await expect(digest.sendDigest({ cycleId, cycleName, recipient: idle, ...day1, zone: 'WIB' })).resolves.toEqual({
      status: 'empty',
      items: 0,
    });
    expect(await messagesTo(idle.email)).toHaveLength(0);
    expect(await DigestItem.countDocuments({ cycleId: other.cycleId, digestedOn: { $exists: true } })).toBe(0);

    await expect(
      digest.sendDigest({ cycleId, cycleName, recipient: busy, ...day1, zone: 'WIB' }),
    ).resolves.toMatchObject({ status: 'sent', items: 1 });
    expect(await messagesTo(busy.email)).toHaveLength(1);
  });
});
