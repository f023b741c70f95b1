import { describeIntrinsic, intrinsicName } from './cloudformation.ts';
import { isRecord } from './field-reader.ts';
import type { FieldReader } from './field-reader.ts';
import type { LocalLayer } from './project-model.ts';

/**
 * A Serverless Framework function's local layers. The service's `layers.NAME.path` folder becomes a layer, and a
 * function binds it with `{ Ref: NameLambdaLayer }`, the logical ID the Framework gives it, in its own `layers`
 * (which replace `provider.layers`). A layer bound by ARN lives only in the cloud, so a warning says so.
 */
export function frameworkLayers(read: FieldReader, where: string, entries: unknown, declared: unknown): LocalLayer[] | undefined {
  if (entries === undefined || entries === null) return undefined;
  const folders = new Map<string, LocalLayer>();
  if (isRecord(declared)) {
    for (const [name, layer] of Object.entries(declared)) {
      if (isRecord(layer) && typeof layer.path === 'string') folders.set(logicalId(name), { name, path: layer.path });
    }
  }
  const out: LocalLayer[] = [];
  for (const entry of Array.isArray(entries) ? entries : [entries]) {
    const found = isRecord(entry) && typeof entry.Ref === 'string' ? folders.get(entry.Ref) : undefined;
    if (found) {
      out.push(found);
      continue;
    }
    const shown = typeof entry === 'string' ? entry : isRecord(entry) && intrinsicName(entry) ? describeIntrinsic(entry) : JSON.stringify(entry);
    read.warnings.push(`${read.file}: ${where}: ${shown} is not one of the service's layers with a local path; its code is not available here`);
  }
  return out.length > 0 ? out : undefined;
}

/** `common-libs` → `CommonDashlibsLambdaLayer`: how the Framework names a layer's CloudFormation resource. */
function logicalId(name: string): string {
  const normalised = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return `${normalised.charAt(0).toUpperCase()}${normalised.slice(1)}LambdaLayer`;
}
