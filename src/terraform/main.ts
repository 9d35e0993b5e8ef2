import { writeSync } from 'node:fs';

import { checkHandshakeEnvironment, handshakeLine, reattachValue } from './handshake';
import { stderrLogger } from './log';
import { servePlugin } from './plugin-server';
import { PROVIDER_ADDRESSES } from './schema';

/**
 * Entry point of the provider executable. Started by the engine, it checks the handshake
 * environment, serves, and writes the handshake line as the only output ever sent to stdout.
 * With `--debug` it serves plaintext and prints a TF_REATTACH_PROVIDERS value instead, and keeps
 * running across engine commands until interrupted.
 */
export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const debug = argv.includes('--debug');
  routeConsoleToStderr();

  if (!debug) {
    const problem = checkHandshakeEnvironment(env);
    if (problem !== undefined) {
      process.stderr.write(problem);
      process.exitCode = 1;
      return;
    }
  }

  const clientCertPem = debug ? undefined : nonEmpty(env.PLUGIN_CLIENT_CERT);
  const plugin = await servePlugin({
    ...(clientCertPem ? { clientCertPem } : {}),
    ...(nonEmpty(env.PLUGIN_UNIX_SOCKET_DIR) ? { socketDir: env.PLUGIN_UNIX_SOCKET_DIR } : {}),
    log: stderrLogger,
    // A provider started with --debug serves several engine runs, and each of them requests a shutdown.
    ignoreShutdown: debug,
    onShutdown: () => process.exit(0),
  });

  if (debug) {
    const value = reattachValue(PROVIDER_ADDRESSES, plugin, process.pid);
    process.stderr.write(`Provider started. To attach Terraform or OpenTofu, set in the engine's environment:\n\n\tTF_REATTACH_PROVIDERS='${value}'\n\nPress Ctrl-C to stop.\n`);
    writeSync(1, `${value}\n`);
    const stop = () => void plugin.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  writeSync(1, `${handshakeLine(plugin)}\n`);
  closeStdout();

  // The engine interrupts its whole process group on Ctrl-C and then stops providers itself
  // (StopProvider, Shutdown), so the interrupt alone must not end the provider mid-call.
  process.on('SIGINT', () => stderrLogger('debug', 'interrupt received; waiting for the engine to stop the provider'));
  process.on('SIGTERM', () => void plugin.close().then(() => process.exit(0)));
}

/** Sends console output to stderr, where the engine logs it; stdout carries only the handshake. */
function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/** After the handshake line, anything written to process.stdout goes to stderr instead. */
function closeStdout(): void {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
