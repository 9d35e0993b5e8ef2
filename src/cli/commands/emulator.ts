import * as path from 'node:path';

import type * as EmulatorModule from '../../emulator';
import type { CliIo } from '../io';

export interface EmulatorCommandOptions {
  readonly port: number;
  readonly host?: string;
  readonly data?: string;
}

type RunningEmulator = Awaited<ReturnType<typeof EmulatorModule.runEmulator>>;

/** Emulators started by this process, closed together on SIGINT or SIGTERM. */
const running = new Set<RunningEmulator>();

/**
 * `emulator --port N --data FILE`: starts the local Ocrolus emulator and leaves it running. The
 * open server keeps the process alive until SIGINT or SIGTERM closes it.
 */
export async function runEmulatorCommand(options: EmulatorCommandOptions, io: CliIo): Promise<number> {
  // Loaded on demand so that the other commands start without the emulator's modules.
  const { runEmulator } = require('../../emulator') as typeof EmulatorModule;

  const emulator = await runEmulator({
    port: options.port,
    host: options.host ?? '127.0.0.1',
    ...(options.data !== undefined ? { dataFile: path.resolve(io.cwd, options.data) } : {}),
    print: (line) => io.stdout.write(`${line}\n`),
  });

  if (running.size === 0) {
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
  }
  running.add(emulator);
  return 0;
}

/** Closes every emulator the `emulator` command started in this process. */
export async function stopEmulators(): Promise<void> {
  process.off('SIGINT', stopOnSignal);
  process.off('SIGTERM', stopOnSignal);

  const emulators = [...running];
  running.clear();
  await Promise.all(emulators.map((emulator) => emulator.close()));
}

function stopOnSignal(): void {
  void stopEmulators().then(() => process.stdout.write('Ocrolus emulator stopped.\n'));
}
