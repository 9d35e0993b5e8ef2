import { blockType, WEBHOOK_SCHEMA, WEBHOOK_SCHEMA_V0 } from './schema';
import { conformValue } from './values';
import type { TfObject } from './values';

/**
 * Lifts a stored `ocrolus_webhook` state of any known schema version to the current layout.
 *
 * - Version 0 had `is_active`; version 1 calls it `active` and adds `secret_version` and
 *   `test_on_apply` (both null after the upgrade: they are configuration-only).
 * - Version 1 is current: attributes unknown to it are dropped.
 */
export function upgradeWebhookState(version: number, raw: unknown): TfObject {
  if (version === 0) {
    const v0 = conformValue(raw, blockType(WEBHOOK_SCHEMA_V0)) as TfObject;
    const { is_active: isActive, ...rest } = v0;
    return conformValue({ ...rest, active: isActive ?? true, secret_version: null, test_on_apply: null }, blockType(WEBHOOK_SCHEMA)) as TfObject;
  }

  if (version === WEBHOOK_SCHEMA.version) return conformValue(raw, blockType(WEBHOOK_SCHEMA)) as TfObject;

  throw new Error(
    `The state was written with schema version ${version} of ocrolus_webhook, but this provider knows versions 0 to ${WEBHOOK_SCHEMA.version}. ` +
      'Upgrade the provider to the release that wrote this state.',
  );
}
