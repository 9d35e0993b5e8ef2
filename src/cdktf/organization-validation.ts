import { TerraformStack } from 'cdktf';
import type { TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';

import { validateOrganization, validateWebhook } from '../core';
import type { Diagnostic, WebhookSpec } from '../core';
import { isToken, reportDiagnostics } from './validation';
import type { WebhookFields } from './validation';

/** Reads a webhook construct's fields as configured at the time validation runs. */
export type FieldsReader = () => WebhookFields;

const membersByStack = new WeakMap<TerraformStack, Map<IConstruct, FieldsReader>>();

/**
 * Adds `webhook` to the checks that span one organization (at most 5 webhooks, unique URLs).
 * They run as one validation of the webhook's stack.
 */
export function joinOrganizationChecks(webhook: TerraformResource, readFields: FieldsReader): void {
  const stack = TerraformStack.of(webhook);
  let members = membersByStack.get(stack);

  if (members === undefined) {
    const registered = new Map<IConstruct, FieldsReader>();
    const reported = new Set<string>();
    stack.node.addValidation({ validate: () => checkOrganizations(stack, registered, reported) });
    membersByStack.set(stack, registered);
    members = registered;
  }

  members.set(webhook, readFields);
}

/**
 * Runs the core's organization rules on the webhooks of each provider configuration in the
 * stack, one configuration being one organization. Problems of a single webhook are left out,
 * because each webhook's own validation reports them.
 */
function checkOrganizations(stack: TerraformStack, members: ReadonlyMap<IConstruct, FieldsReader>, reported: Set<string>): string[] {
  const organizations = new Map<string, WebhookSpec[]>();
  for (const construct of stack.node.findAll()) {
    const readFields = members.get(construct);
    if (readFields === undefined) continue;

    // NOTE: a webhook with count or forEach declares a number of webhooks unknown at synth time,
    // so it is left out here. The API still rejects a sixth webhook or a duplicate URL.
    const webhook = construct as TerraformResource;
    if (webhook.count !== undefined || webhook.forEach !== undefined) continue;
    if (isMovedAway(webhook)) continue;

    const organization = webhook.provider?.alias ?? '';
    const spec = { ...readFields(), name: webhook.node.path } as unknown as WebhookSpec;
    organizations.set(organization, [...(organizations.get(organization) ?? []), spec]);
  }

  const errors: string[] = [];
  for (const specs of organizations.values()) {
    errors.push(...reportDiagnostics(stack, acrossWebhooks(specs), reported));
  }
  return errors;
}

/**
 * True for a construct that `moveTo` or `moveToId` marks as moved to another address. cdktf leaves
 * it out of the JSON and writes only the `moved` block, so the webhook it declared is the one its
 * target declares, and counting both would report every rename as a duplicate URL. A construct
 * renamed with `moveFromId` is the target itself, so it stays in.
 */
function isMovedAway(webhook: TerraformResource): boolean {
  const move = webhook.hasResourceMove();
  if (move === undefined) return false;
  if ('moveTarget' in move) return true;

  return move.from === `${webhook.terraformResourceType}.${webhook.friendlyUniqueId}`;
}

function acrossWebhooks(specs: readonly WebhookSpec[]): Diagnostic[] {
  const key = (diagnostic: Diagnostic) => JSON.stringify(diagnostic);
  const single = new Set(specs.flatMap((spec) => validateWebhook({ ...spec }, { path: [spec.name], isUnknown: isToken })).map(key));
  return validateOrganization(specs, { isUnknown: isToken }).filter((diagnostic) => !single.has(key(diagnostic)));
}
