import { runCli } from '../../src/cli';
import { clientTuning } from '../../src/cli/client-factory';
import { SecretScrubber } from '../../src/cli/redact';
import { suggestClosest } from '../../src/core';
import { memoryIo } from './helpers/memory-io';

describe('command line', () => {
  it('help exits 0 and lists the commands', async () => {
    const io = memoryIo({ cwd: '/' });

    const code = await runCli(['--help'], io);

    expect(code).toBe(0);
    for (const command of ['plan', 'apply', 'destroy', 'test', 'import', 'emulator', 'terraform', 'demo']) expect(io.stdoutText()).toContain(command);
  });

  it('plan help shows each default once', async () => {
    const io = memoryIo({ cwd: '/' });

    const code = await runCli(['plan', '--help'], io);

    expect(code).toBe(0);
    expect(io.stdoutText()).toContain('(default: all)');
    expect(io.stdoutText()).not.toContain('(default: [])');
  });

  it('unknown option exits 1 with a message', async () => {
    const io = memoryIo({ cwd: '/' });

    const code = await runCli(['plan', '--bogus'], io);

    expect(code).toBe(1);
    expect(io.stderrText()).toContain("unknown option '--bogus'");
  });

  it('invalid tuning variable is reported', () => {
    expect(() => clientTuning({ OCROLUS_TIMEOUT_MS: 'soon' })).toThrow('Environment variable OCROLUS_TIMEOUT_MS must be a positive integer, not "soon".');
    expect(clientTuning({ OCROLUS_TIMEOUT_MS: '500', OCROLUS_RETRY_BASE_MS: '5' })).toEqual({ timeoutMs: 500, retry: { baseDelayMs: 5 } });
    expect(clientTuning({})).toEqual({});
  });
});

describe('secret scrubber', () => {
  it('blanks registered secrets and URL passwords', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('client-secret-value');
    scrubber.add('abc');
    scrubber.addUrlPassword('https://user:p%40ss-word@host.example.com/x');

    expect(scrubber.scrub('client-secret-value p%40ss-word p@ss-word abc')).toBe('*** *** *** abc');
  });

  it('leaves values under 8 characters', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('create');
    scrubber.add('8-chars!');

    expect(scrubber.scrub('  + create orders 8-chars!')).toBe('  + create orders ***');
  });
});

describe('suggestions', () => {
  const cases: Record<string, { input: string; expected: string | undefined }> = {
    'one-letter-typo': { input: 'evnts', expected: 'events' },
    'case-difference': { input: 'Prune', expected: 'prune' },
    'nothing-close': { input: 'colour', expected: undefined },
  };

  it.each(Object.entries(cases))('%s', (_name, { input, expected }) => {
    expect(suggestClosest(input, ['events', 'prune', 'url', 'description'])).toBe(expected);
  });
});
