import { runCli } from '../../src/cli';
import { memoryIo } from './helpers/memory-io';

describe('demo', () => {
  it('applies the example and ends with no changes', async () => {
    const io = memoryIo({ cwd: process.cwd() });

    const code = await runCli(['demo'], io);

    console.log(io.stdoutText());
    expect(code).toBe(0);
    expect(io.stdoutText()).toContain('nothing is left to change');
  });
});
