import type { TerraformProviderGeneratorMetadata } from 'cdktf';

/** Local name of the provider in `required_providers` and the prefix of its type names. */
export const PROVIDER_NAME = 'ocrolus';

/** Registry source address of the provider (`registry.terraform.io/ocrolus/ocrolus`). */
export const PROVIDER_SOURCE = 'ocrolus/ocrolus';

/**
 * Version constraint written into `required_providers`. The constructs ship in the same package
 * as the provider, so any 0.x release from 0.1 on accepts what they synthesize. Engines ignore
 * the constraint for a provider installed through `dev_overrides`.
 */
export const PROVIDER_VERSION_CONSTRAINT = '~> 0.1';

/** Metadata every Ocrolus element passes to cdktf, which turns it into `required_providers`. */
export const GENERATOR_METADATA: TerraformProviderGeneratorMetadata = {
  providerName: PROVIDER_NAME,
  providerVersionConstraint: PROVIDER_VERSION_CONSTRAINT,
};
