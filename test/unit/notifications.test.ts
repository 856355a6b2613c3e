import { isPermanentRefusal } from '../../activities/notifications';

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
