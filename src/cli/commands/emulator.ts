import * as path from 'node:path';

import type * as EmulatorModule from '../../emulator';
import type { CliIo } from '../io';

export interface EmulatorCommandOptions {
  readonly port: number;
  readonly host?: string;
  readonly data?: string;
}

/**
 * `emulator --port N --data FILE`: starts the local Ocrolus emulator and leaves it running; the
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

  const stop = () => {
    void emulator.close().then(() => io.stdout.write('Ocrolus emulator stopped.\n'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
