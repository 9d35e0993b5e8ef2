import { sendTestDelivery } from '../core';
import type { TestDelivery } from '../core';
import type { ResolvedEnvironment } from '../environments';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import type { SecretScrubber } from '../redact';
import { openSession, planEnvironment } from '../session';
import type { DeclarationOptions, Session } from '../session';
import { didYouMean } from '../suggest';

export interface TestCommandOptions extends DeclarationOptions {
  readonly event?: string;
  readonly json?: boolean;
}

/**
 * `test <name> --env NAME`: sends a test delivery to a declared webhook and prints its status,
 * headers (signature masked) and request body. Returns exit code 1 when the receiver's status is not 2xx.
 */
export async function runTestCommand(name: string, options: TestCommandOptions, io: CliIo, scrubber: SecretScrubber): Promise<number> {
  const session = await openSession(options, io, scrubber);
  const environment = singleEnvironment(session, 'test');
  const uuid = await findWebhookUuid(session, environment, name);

  const delivery = await sendTestDelivery(session.client(environment), uuid, options.event);
  if (options.json) io.stdout.write(`${JSON.stringify({ environment: environment.name, name, uuid, ...delivery }, null, 2)}\n`);
  else io.stdout.write(renderDelivery(environment.name, name, uuid, delivery));

  const report = delivery.delivery;
  if (report?.error !== undefined || (report?.status !== undefined && (report.status < 200 || report.status > 299))) {
    io.stderr.write(`Error: the test delivery to webhook ${name} was not accepted: ${report.error ?? `HTTP ${report.status}`}. Check the receiver, then run test again.\n`);
    return 1;
  }
  return 0;
}

/** Returns the one environment a single-environment command runs in; --env must name exactly one. */
export function singleEnvironment(session: Session, command: string): ResolvedEnvironment {
  if (session.environments.length !== 1) {
    const names = session.environments.map((environment) => environment.name).join(', ');
    throw new CliError(`${command} runs in one environment: pass --env with one of ${names}.`);
  }
  return session.environments[0];
}

/**
 * Finds the uuid of a declared webhook on the server, matched the way plan matches it. Ocrolus
 * tests only active webhooks (the Dashboard offers Test on active ones only), so a webhook that is
 * inactive in the declaration or on the server is an error here, before any test call.
 */
async function findWebhookUuid(session: Session, environment: ResolvedEnvironment, name: string): Promise<string> {
  const spec = environment.specs.find((candidate) => candidate.name === name);
  if (spec === undefined) {
    const declared = environment.specs.map((candidate) => candidate.name);
    throw new CliError(`Webhook "${name}" is not declared in environment ${environment.name}.${didYouMean(name, declared)}`);
  }
  if (spec.active === false) {
    throw new CliError(
      `Webhook "${name}" is declared inactive (active: false) in environment ${environment.name}, and Ocrolus tests only active webhooks, as the Dashboard does. ` +
        'Set active: true and run apply, then run test again. Nothing was sent.',
    );
  }

  const { plan, observed } = await planEnvironment(session, environment);
  const binding = plan.matched.find((candidate) => candidate.name === name);
  if (binding === undefined) throw new CliError(`Webhook "${name}" does not exist in environment ${environment.name} yet: run apply first.`);

  const webhook = observed.find((candidate) => candidate.uuid === binding.uuid);
  if (webhook !== undefined && !webhook.active) {
    throw new CliError(
      `Webhook "${name}" (${binding.uuid}) is inactive in environment ${environment.name}, although the declaration says active, and Ocrolus tests only active webhooks. ` +
        'Run apply to activate it, then run test again. Nothing was sent.',
    );
  }
  return binding.uuid;
}

function renderDelivery(environment: string, name: string, uuid: string, delivery: TestDelivery): string {
  const lines = [`Test delivery of webhook ${name} (${uuid}) in environment ${environment}, event ${delivery.eventName}:`];
  if (delivery.requestUuid !== undefined) lines.push(`  Request uuid: ${delivery.requestUuid}`);

  const report = delivery.delivery;
  if (report === undefined) {
    lines.push('  The API did not report the delivery result; check the receiver\'s logs.');
    if (delivery.payload !== undefined) lines.push('  Payload sent:', indent(JSON.stringify(delivery.payload, null, 2)));
    return `${lines.join('\n')}\n`;
  }

  lines.push(`  Status: ${report.status ?? 'none'}${report.error !== undefined ? ` (error: ${report.error})` : ''}`);
  lines.push('  Headers:');
  for (const [header, value] of Object.entries(report.headers ?? {})) lines.push(`    ${header}: ${value}`);
  lines.push('  Body:', indent(prettyBody(report.body ?? '')));
  return `${lines.join('\n')}\n`;
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
