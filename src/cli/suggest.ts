import { suggestClosest } from '../core';

/** Formats the suffix of an "unknown name" message: `; did you mean "x"?` or a list of choices. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const suggestion = suggestClosest(input, candidates);
  if (suggestion !== undefined) return ` Did you mean "${suggestion}"?`;
  if (candidates.length === 0) return '';
  return ` Expected one of: ${candidates.join(', ')}.`;
}
