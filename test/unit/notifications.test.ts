import { isPermanentRefusal, storable, tokenTemplates } from '../../activities/notifications';
import { createEmailRenderer } from '../../activities/templates';

describe('isPermanentRefusal', () => {
  it.each([
    [{ responseCode: 550 }, true, 'unknown mailbox'],
    [{ responseCode: 554 }, true, 'transaction failed'],
    [{ responseCode: 500 }, true, 'syntax error'],
    [{ responseCode: 421 }, false, 'service not available: try later'],
    [{ responseCode: 451 }, false, 'local error'],
    [{ responseCode: 600 }, false, 'not an SMTP code'],
    [{ code: 'ECONNREFUSED' }, false, 'server down'],
    [new Error('timeout'), false, 'no code at all'],
    [undefined, false, 'nothing thrown'],
  ] as [unknown, boolean, string][])('%j → %s (%s)', (error, permanent) => {
    expect(isPermanentRefusal(error)).toBe(permanent);
  });
});

describe('storable: what the email log keeps of an email', () => {
  const signInLink = 'http://zi.test/masuk/tautan?token=rahasia';

  it('blanks a task email’s sign-in link and keeps the rest, leaving the request untouched', () => {
    const data = { recipient: { name: 'Ani' }, link: 'http://zi.test/tugas/t', signInLink, signInLinkHours: 24 };
    expect(storable('task-assigned', data)).toEqual({
      data: { recipient: { name: 'Ani' }, link: 'http://zi.test/tugas/t', signInLink: null, signInLinkHours: 24 },
    });
    expect(data.signInLink).toBe(signInLink);
  });

  it('keeps data without a sign-in link as it is', () => {
    const data = { cycle: { id: '2026-a' }, link: 'http://zi.test/siklus/2026-a' };
    expect(storable('cycle-launched', data)).toEqual({ data });
  });

  it.each(['invitation', 'password-reset'])('keeps no data at all for %s (the email is its token)', (template) => {
    expect(storable(template, { link: 'http://zi.test/undangan?token=rahasia' })).toEqual({});
    expect(tokenTemplates.has(template)).toBe(true);
  });
});

describe('task emails resent from the log render without the sign-in link', () => {
  const render = createEmailRenderer();
  const data = (signInLink: string | null | undefined) => ({
    recipient: { name: 'Ani' },
    actor: { name: 'Ketua' },
    note: 'Lengkapi lampiran.',
    deadline: { level: 1, workingDaysFromDue: 1 },
    task: {
      title: 'Isi LKE',
      description: 'Isi lembar kerja evaluasi.',
      unitCode: 'DINKES',
      unitName: 'Dinas Kesehatan',
      stageLabel: 'Pemenuhan',
      dueText: 'Rabu, 4 Maret 2026 16.00 WIB',
      statusLabel: 'Terbuka',
      documents: [],
    },
    link: 'http://zi.test/tugas/t',
    ...(signInLink === undefined ? {} : { signInLink, signInLinkHours: 24 }),
  });
  const kinds = ['task-assigned', 'task-reminder', 'task-escalation', 'task-revision-requested', 'task-submitted'];

  it.each(kinds)('%s: blanked (null) or absent (logged before links existed) → task link only', (template) => {
    for (const signInLink of [null, undefined]) {
      const email = render(template, data(signInLink));
      expect(email.text).toContain('Buka tugas: http://zi.test/tugas/t');
      expect(email.text + email.html).not.toContain('Masuk langsung');
    }
    const original = render(template, data('http://zi.test/masuk/tautan?token=rahasia'));
    expect(original.text).toContain('Masuk langsung ke tugas ini: http://zi.test/masuk/tautan?token=rahasia');
  });
});
