/** Arguments of `Webhook` (the fields of `WebhookArgs`), in the order the docs list them. */
export const ARGUMENT_NAMES: readonly string[] = ['description', 'url', 'events', 'active', 'secret', 'secretVersion', 'adopt', 'testOnApply'];
