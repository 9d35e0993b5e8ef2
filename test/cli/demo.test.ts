import { runCli } from '../../src/cli';
import { memoryIo } from './helpers/memory-io';

describe('demo', () => {
  it('applies the example and ends with no changes', async () => {
    const io = memoryIo({ cwd: process.cwd() });

    const code = await runCli(['demo'], io);

    const stdout = io.stdoutText();
    expect(code).toBe(0);
    expect(stdout).toContain('=== Apply to staging ===');
    expect(stdout).toContain('=== Apply to prod ===');
    expect(stdout).toContain('Environment staging: apply complete. 3 created, 0 updated, 0 deleted.');
    expect(stdout).toContain('Environment prod: apply complete. 3 created, 0 updated, 0 deleted.');
    expect(stdout).toContain('No changes. Environment staging matches the declaration.');
    expect(stdout).toContain('No changes. Environment prod matches the declaration.');
    expect(stdout).toMatch(/nothing is left to change\.\n$/);
  });

  it('output holds no generated secret', async () => {
    const io = memoryIo({ cwd: process.cwd() });

    const code = await runCli(['demo'], io);

    expect(code).toBe(0);
    // Generated client secrets and webhook secrets are 48 hexadecimal characters.
    expect(io.stdoutText()).not.toMatch(/[0-9a-f]{48}/);
    expect(io.stderrText()).not.toMatch(/[0-9a-f]{48}/);
    expect(io.stdoutText()).toContain('secret      = (sensitive) version 1');
  });

  it('runs from another directory with the packaged example', async () => {
    const io = memoryIo({ cwd: '/' });

    const code = await runCli(['demo'], io);

    expect(code).toBe(0);
    expect(io.stdoutText()).toContain('examples/webhooks.yaml');
  });
});
