import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installTerraformProvider, platformName } from '../../src/terraform/install';
import { PROVIDER_BIN, REPO_ROOT } from './helpers/build';

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('installTerraformProvider', () => {
  test('mirror mode writes both registry hosts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocrolus-install-'));
    const result = await installTerraformProvider({ dir, mode: 'mirror', nodePath: '/usr/bin/node' });
    const platform = platformName();

    expect(result).toEqual({
      cliConfigFile: join(dir, 'terraform.rc'),
      executable: join(dir, 'mirror/registry.terraform.io/ocrolus/ocrolus', version, platform, `terraform-provider-ocrolus_v${version}`),
      providerDir: join(dir, 'mirror'),
      version,
      mode: 'mirror',
      exportLine: `export TF_CLI_CONFIG_FILE='${join(dir, 'terraform.rc')}'`,
    });
    for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
      const launcher = join(dir, 'mirror', host, 'ocrolus/ocrolus', version, platform, `terraform-provider-ocrolus_v${version}`);
      accessSync(launcher, constants.X_OK);
      expect(readFileSync(launcher, 'utf8')).toContain(`exec '/usr/bin/node' '${PROVIDER_BIN}' "$@"`);
    }
    expect(readFileSync(result.cliConfigFile, 'utf8')).toBe(
      [
        'provider_installation {',
        '  filesystem_mirror {',
        `    path    = "${join(dir, 'mirror')}"`,
        '    include = ["registry.terraform.io/ocrolus/ocrolus", "registry.opentofu.org/ocrolus/ocrolus"]',
        '  }',
        '  direct {',
        '    exclude = ["registry.terraform.io/ocrolus/ocrolus", "registry.opentofu.org/ocrolus/ocrolus"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('dev-overrides mode keeps the mirror as source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocrolus-install-'));
    const result = await installTerraformProvider({ dir, mode: 'dev-overrides', version: '9.9.9' });
    const config = readFileSync(result.cliConfigFile, 'utf8');

    expect(result.executable).toBe(join(dir, 'dev-overrides/terraform-provider-ocrolus'));
    accessSync(result.executable, constants.X_OK);
    accessSync(join(dir, 'mirror/registry.opentofu.org/ocrolus/ocrolus/9.9.9', platformName(), 'terraform-provider-ocrolus_v9.9.9'), constants.X_OK);
    expect(config).toContain(`    "registry.opentofu.org/ocrolus/ocrolus" = "${join(dir, 'dev-overrides')}"`);
    expect(config).toContain(`    "registry.terraform.io/ocrolus/ocrolus" = "${join(dir, 'dev-overrides')}"`);
    expect(config).toContain('  filesystem_mirror {');
  });

  test('platform names follow Go', () => {
    expect(platformName('linux', 'x64')).toBe('linux_amd64');
    expect(platformName('darwin', 'arm64')).toBe('darwin_arm64');
    expect(platformName('win32', 'ia32')).toBe('windows_386');
  });
});
