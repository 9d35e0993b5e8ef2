import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedDelivery {
  /** The webhook's signing secret. */
  readonly secret: string;
  /** The raw request body exactly as received: re-serialized JSON will not match. */
  readonly body: string | Buffer;
  /** `Webhook-Timestamp` header: unix seconds. */
  readonly timestamp: string;
  /** `Webhook-Request-Id` header. */
  readonly requestId: string;
  /** `Webhook-Signature` header: lower-case hex HMAC-SHA256. */
  readonly signature: string;
  /** Maximum age of the timestamp in seconds, against replays. Default 300; 0 disables the check. */
  readonly toleranceSeconds?: number;
  readonly now?: Date;
}

/** Computes `Webhook-Signature`: HMAC-SHA256 keyed by the secret over `<timestamp>.<request id>.<raw body>`. */
export function computeSignature(secret: string, timestamp: string, requestId: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.${requestId}.`).update(body).digest('hex');
}

/**
 * Checks an Ocrolus delivery's signature in constant time, for receivers. Returns false for a
 * wrong signature, a malformed header, or a timestamp outside the tolerance.
 */
export function verifySignature(delivery: SignedDelivery): boolean {
  const tolerance = delivery.toleranceSeconds ?? 300;
  if (tolerance > 0) {
    const sent = Number(delivery.timestamp);
    const now = (delivery.now ?? new Date()).getTime() / 1000;
    if (!Number.isFinite(sent) || Math.abs(now - sent) > tolerance) return false;
  }

  const expected = Buffer.from(computeSignature(delivery.secret, delivery.timestamp, delivery.requestId, delivery.body), 'hex');
  const received = /^[0-9a-f]{64}$/i.test(delivery.signature.trim()) ? Buffer.from(delivery.signature.trim(), 'hex') : Buffer.alloc(0);
  return received.length === expected.length && timingSafeEqual(received, expected);
}
