import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from './support/paths';

/** Returns the shell code blocks of docs/pulumi.md, each as its lines. */
function shellBlocks(): string[][] {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'pulumi.md'), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].split('\n'));
}

describe('docs/pulumi.md', () => {
  test('emulator data folders are created first', () => {
    const steps = shellBlocks().flatMap((lines) =>
      lines.flatMap((line, index) => {
        const data = /--data\s+(\S+)/.exec(line);
        if (!data) return [];
        const folder = dirname(data[1]);
        const created = lines.slice(0, index).some((earlier) => new RegExp(`^mkdir -p ${folder.replace(/\./g, '\\.')}(\\s|$)`).test(earlier));
        return [{ line: line.trim(), created }];
      }),
    );

    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toEqual({ line: step.line, created: true });
  });
});
