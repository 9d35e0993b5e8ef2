import type { ProviderContext } from '../provider-context';
import type { StopProviderRequest, StopProviderResponse } from '../protocol';

/**
 * Cancels every API call in flight (the engine sends this on interrupt). Later calls get a fresh
 * signal, because the engine may still ask for a refresh of what was done.
 */
export async function stopProvider(_request: StopProviderRequest, context: ProviderContext): Promise<StopProviderResponse> {
  context.stop.abort();
  context.stop = new AbortController();
  context.log('info', 'stop requested; API calls in flight were cancelled');
  return { Error: '' };
}
