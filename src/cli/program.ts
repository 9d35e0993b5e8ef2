import { Command, InvalidArgumentError, Option } from 'commander';

import { runApplyCommand } from './commands/apply';
import { runDemoCommand } from './commands/demo';
import { runDestroyCommand } from './commands/destroy';
import { runEmulatorCommand } from './commands/emulator';
import { runImportCommand } from './commands/import';
import { runPlanCommand } from './commands/plan';
import { runTerraformInstallCommand } from './commands/terraform-install';
import { runTestCommand } from './commands/test-delivery';
import { DEFAULT_DECLARATION_FILE } from './declaration';
import type { CliIo } from './io';
import type { SecretScrubber } from './redact';
import { describeError } from './report-error';
import { DEFAULT_STATE_FILE } from './state';

/** Version printed by --version. */
const VERSION = '0.1.0';

/**
 * Builds the command tree. Each action stores its exit code through `setExitCode`; errors thrown
 * by an action are printed to stderr and give exit code 1.
 */
export function buildProgram(io: CliIo, scrubber: SecretScrubber, setExitCode: (code: number) => void): Command {
  const run = (action: () => Promise<number>) => async () => {
    try {
      setExitCode(await action());
    } catch (error) {
      io.stderr.write(`${describeError(error)}\n`);
      setExitCode(1);
    }
  };

  const program = new Command('ocrolus-webhooks')
    .description('Keep Ocrolus organization-level webhooks equal to a declaration, one organization per environment.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)');

  declarationCommand(program, 'plan', 'Show what apply would change in each environment.')
    .option('--json', 'print one JSON document instead of text')
    .option('--detailed-exitcode', 'exit 0 when nothing changes, 2 when there are changes, 1 on errors')
    .action((options) => run(() => runPlanCommand(options, io, scrubber))());

  declarationCommand(program, 'apply', 'Plan, then apply the changes without asking (for pipelines).')
    .option('--json', 'print one JSON document with the plans and what was applied')
    .option('--detailed-exitcode', 'exit 0 when nothing changed, 2 when changes were applied, 1 on errors')
    .option('--auto-approve', 'accepted for familiarity: apply never asks for approval')
    .action((options) => run(() => runApplyCommand(options, io, scrubber))());

  declarationCommand(program, 'destroy', 'Delete every webhook the declaration manages in the selected environments.')
    .option('--json', 'print one JSON document with the plans and what was deleted')
    .option('--detailed-exitcode', 'exit 0 when nothing was deleted, 2 when webhooks were deleted, 1 on errors')
    .option('--auto-approve', 'accepted for familiarity: destroy never asks for approval')
    .action((options) => run(() => runDestroyCommand(options, io, scrubber))());

  declarationCommand(program, 'test', 'Send a test delivery to a declared webhook and print its result.')
    .argument('<name>', 'logical name of the webhook in the declaration')
    .option('--event <event>', 'event to send (default: the first subscribed event in name order)')
    .option('--json', 'print the delivery as JSON')
    .action((name: string, options) => run(() => runTestCommand(name, options, io, scrubber))());

  declarationCommand(program, 'import', 'Adopt an existing webhook for a declared name and record it in the state file.')
    .argument('<name>', 'logical name of the webhook in the declaration')
    .argument('<uuid-or-url>', 'uuid of the existing webhook, or its URL')
    .action((name: string, target: string, options) => run(() => runImportCommand(name, target, options, io, scrubber))());

  program
    .command('emulator')
    .description('Run the local Ocrolus emulator until interrupted.')
    .requiredOption('--port <port>', 'TCP port to listen on (0 lets the system choose)', parsePort)
    .option('--data <file>', 'JSON data file that keeps organizations and webhooks across restarts (created when missing)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action((options) => run(() => runEmulatorCommand(options, io))());

  const terraform = program.command('terraform').description('Set up the Terraform provider of this package.');
  terraform
    .command('install')
    .description('Install the provider for Terraform or OpenTofu as a filesystem mirror or a dev_overrides configuration.')
    .option('--dir <dir>', 'directory to install into (default: .ocrolus-webhooks/terraform)')
    .addOption(new Option('--mode <mode>', 'how Terraform finds the provider').choices(['mirror', 'dev-overrides']).default('mirror'))
    .action((options) => run(() => runTerraformInstallCommand(options, io))());

  program
    .command('demo')
    .description('Apply the example declaration to an embedded emulator, then show that a second plan is empty.')
    .option('--file <file>', 'declaration to run (default: examples/webhooks.yaml)')
    .action((options) => run(() => runDemoCommand(options, io, scrubber))());

  return program;
}

/** Adds a command with the options shared by every command that reads a declaration. */
function declarationCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option('--file <file>', 'declaration file', DEFAULT_DECLARATION_FILE)
    .option('--env <names>', 'environment to use; repeat or separate with commas (default: all)', collect)
    .option('--state <file>', `state file (default: ${DEFAULT_STATE_FILE} beside the declaration)`);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  return port;
}
