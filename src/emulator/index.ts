/**
 * The local Ocrolus emulator: an Ocrolus-compatible webhook API with a token endpoint, variant
 * switches for the behaviours Ocrolus' sources disagree on, fault injection, an admin endpoint
 * and optional persistence.
 */
export { startEmulator } from './server';
export { runEmulator, addOrganizationToDataFile, DEFAULT_ORGANIZATIONS, type RunEmulatorOptions } from './run';
export { DEFAULT_VARIANTS, VARIANT_CHOICES } from './variants';
export { EMULATOR_EVENT_NAMES, eventUuid } from './catalog';
export { signPayload } from './deliveries';
export { EmulatorInputError } from './errors';
export { MAX_WEBHOOKS_PER_ORGANIZATION } from './webhook-rules';
export { TOKEN_AUDIENCE } from './tokens';
export type {
  Emulator,
  EmulatorOptions,
  EmulatorOrganization,
  EmulatorVariants,
  EmulatorWebhook,
  Fault,
  OrganizationSeed,
  RecordedDelivery,
  RecordedRequest,
  RouteName,
} from './types';
