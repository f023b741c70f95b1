import type { Dialect } from '../../faas/protocol.ts';

/** A sample trigger event the user can pick and edit. */
export interface SampleEvent {
  id: string;
  label: string;
  /** Undefined when the event is not specific to one platform. */
  dialect: Dialect | undefined;
  /** Pretty-printed JSON. */
  json: string;
}

/** The sample to start from for a dialect: its API gateway event, which the templates read. */
export function defaultSample(samples: SampleEvent[], dialect: Dialect): SampleEvent | undefined {
  const own = samples.filter((sample) => sample.dialect === dialect);
  return own.find((sample) => sample.id === `${dialect}/http`) ?? own[0];
}

/** Used until content/events has a sample for the dialect: just enough for the templates to greet someone. */
export function fallbackEvent(dialect: Dialect): string {
  const event =
    dialect === 'scf'
      ? { httpMethod: 'GET', path: '/hello/playground', pathParameters: { name: 'playground' }, headers: {}, body: '' }
      : { httpMethod: 'GET', path: '/hello/playground', pathParameters: { name: 'playground' }, headers: {}, body: null };
  return JSON.stringify(event, null, 2);
}
