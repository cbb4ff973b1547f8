/** unit (no I/O): review verdict rules (seed 000 codes per decision) and evidence URL signing. */
import { EvidenceLinkSigner } from '../../src/review/evidence-link.signer';
import { checkVerdict, parseConsumerResult, reasonCodesFor } from '../../src/review/review-verdict';

describe('review verdicts', () => {
  it('splits seed 000 codes by the decision they explain', () => {
    expect(reasonCodesFor('declined')).toEqual([105, 106, 503, 515, 546, 547]);
    expect(reasonCodesFor('resubmission_requested')).toEqual([201, 204, 603, 605, 606]);
    expect(reasonCodesFor('approved')).toEqual([]);
  });

  it('needs a matching code for declines and resubmissions, none for approvals', () => {
    expect(checkVerdict('declined', undefined, null)).toMatchObject({ ok: false, code: 'REASON_CODE_REQUIRED' });
    expect(checkVerdict('declined', 204, null)).toMatchObject({ ok: false, code: 'REASON_CODE_INVALID' });
    expect(checkVerdict('approved', 105, null)).toMatchObject({ ok: false, code: 'REASON_CODE_INVALID' });
    expect(checkVerdict('resubmission_requested', 606, '  blurry  ')).toEqual({ ok: true, verdict: { decision: 'resubmission_requested', reasonCode: 606, note: 'blurry' } });
  });

  it('validates what a queue consumer returned', () => {
    expect(parseConsumerResult({ decision: 'approved', reviewer: 'bot' })).toMatchObject({ ok: true, reviewer: 'bot' });
    expect(parseConsumerResult(undefined)).toMatchObject({ ok: false });
    expect(parseConsumerResult({ decision: 'approved' })).toMatchObject({ ok: false, message: expect.stringContaining('reviewer') });
    expect(parseConsumerResult({ decision: 'expired', reviewer: 'bot' })).toMatchObject({ ok: false });
    expect(parseConsumerResult({ decision: 'declined', reasonCode: 999, reviewer: 'bot' })).toMatchObject({ ok: false });
  });
});

describe('evidence links', () => {
  const signer = new EvidenceLinkSigner('secret', 60);
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('verifies its own links until they expire, and nothing else', () => {
    const { url } = signer.url('task-1', 'biometrics-0-selfieImage', now);
    const q = new URL(url, 'http://x').searchParams;
    expect(signer.verify('task-1', 'biometrics-0-selfieImage', q.get('expires') ?? undefined, q.get('sig') ?? undefined, now)).toBe('ok');
    expect(signer.verify('task-2', 'biometrics-0-selfieImage', q.get('expires') ?? undefined, q.get('sig') ?? undefined, now)).toBe('invalid');
    expect(signer.verify('task-1', 'biometrics-0-selfieImage', String(Number(q.get('expires')) + 1), q.get('sig') ?? undefined, now)).toBe('invalid');
    expect(signer.verify('task-1', 'biometrics-0-selfieImage', q.get('expires') ?? undefined, q.get('sig') ?? undefined, now + 61_000)).toBe('expired');
    expect(signer.verify('task-1', 'x', undefined, undefined, now)).toBe('invalid');
  });
});
