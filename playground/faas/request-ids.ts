/**
 * Request ids shaped like Lambda's UUIDs but counted, so runs are reproducible and ids cost little to make.
 * Live callers that want random ids pass their own generator to the Platform.
 */
export function countingRequestIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}
