import { cpus, totalmem } from 'node:os';

import { benchCli } from './cli';
import { benchCalls, benchOrganizations } from './reconcile';

type Bench = () => Promise<Record<string, number | string>>;

/** Optional sections whose modules belong to the front ends; a missing one is reported, not fatal. */
function optional(modulePath: string, exportName: string): Bench {
  return async () => {
    // require, not import(): the compiled CommonJS output resolves the path without an extension.
    const loaded = require(modulePath) as Record<string, Bench>;
    return loaded[exportName]();
  };
}

const SECTIONS: Array<[string, Bench]> = [
  ['Reconciler API calls', benchCalls],
  ['Many organizations under the rate limit', () => benchOrganizations(20, 5)],
  ['CLI', () => benchCli()],
  ['Pulumi dynamic provider', optional('./pulumi', 'benchPulumi')],
  ['Terraform provider', optional('./terraform', 'benchTerraform')],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`# ocrolus-webhooks benchmarks`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`);
  console.log(`date: ${new Date().toISOString()}`);

  let failed = false;
  for (const [title, bench] of SECTIONS) {
    if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
    console.log(`\n## ${title}`);
    try {
      for (const [metric, value] of Object.entries(await bench())) console.log(`- ${metric}: ${value}`);
    } catch (error) {
      failed = true;
      console.log(`- failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
