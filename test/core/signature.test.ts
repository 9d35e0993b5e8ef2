import { computeSignature, verifySignature } from '../../src/core';

describe('verifySignature', () => {
  const secret = 'receiver-secret-0123456789';
  const body = '{"event_name":"book.verified"}';
  const now = new Date('2026-12-04T12:00:00Z');
  const timestamp = String(now.getTime() / 1000);
  const signature = computeSignature(secret, timestamp, 'req-1', body);

  it('accepts a valid signature', () => {
    expect(verifySignature({ secret, body, timestamp, requestId: 'req-1', signature, now })).toBe(true);
  });

  it('rejects a changed body', () => {
    expect(verifySignature({ secret, body: body + ' ', timestamp, requestId: 'req-1', signature, now })).toBe(false);
  });

  it('rejects an old timestamp', () => {
    const later = new Date(now.getTime() + 301_000);
    expect(verifySignature({ secret, body, timestamp, requestId: 'req-1', signature, now: later })).toBe(false);
  });

  it('rejects a malformed header', () => {
    expect(verifySignature({ secret, body, timestamp, requestId: 'req-1', signature: 'zz', now })).toBe(false);
  });
});
