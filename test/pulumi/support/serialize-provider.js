'use strict';
// Serializes the Webhook provider the way pulumi.dynamic.Resource does (serializeFunction of a
// function returning the provider, with allowSecrets), in a process of its own, and prints
// {text, containsSecrets} as JSON. Usage: node serialize-provider.js <package root>
const { join } = require('node:path');

async function main() {
  const root = process.argv[2];
  const { serializeFunction } = require(join(root, 'node_modules', '@pulumi', 'pulumi', 'runtime', 'closure', 'serializeClosure'));
  const { webhookProvider } = require(join(root, 'dist', 'src', 'pulumi', 'provider.js'));

  const serialized = await serializeFunction(() => webhookProvider, { allowSecrets: true });
  process.stdout.write(JSON.stringify({ text: serialized.text, containsSecrets: serialized.containsSecrets }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
