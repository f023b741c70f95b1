import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/**
 * CloudFormation intrinsic functions, which serverless.yml and SAM templates use for values that exist only once
 * the stack is deployed (`Ref: Uploads`, `!GetAtt Table.Arn`). YAML's short forms become the long ones, so the
 * readers see one shape; a reader that meets one where it needs a value leaves the setting unset and says why.
 */
const FUNCTIONS = ['Ref', 'Condition', 'GetAtt', 'Join', 'Sub', 'ImportValue', 'Select', 'Split', 'If', 'Equals', 'FindInMap', 'Base64', 'GetAZs', 'Not', 'And', 'Or', 'Cidr', 'Transform'];

function keyOf(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

export const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => {
  const wrap = (value: unknown) => ({ [keyOf(name)]: name === 'GetAtt' && typeof value === 'string' ? value.split('.') : value });
  const scalar: ScalarTag = { tag: `!${name}`, resolve: (text: string) => wrap(text) };
  // The yaml package types a collection tag's result as a node; a plain object is what it stores all the same.
  const seq = { tag: `!${name}`, collection: 'seq', resolve: (node: YAMLSeq) => wrap(node.toJSON()) } as unknown as CollectionTag;
  const map = { tag: `!${name}`, collection: 'map', resolve: (node: YAMLMap) => wrap(node.toJSON()) } as unknown as CollectionTag;
  return [scalar, seq, map];
});

const KEYS = new Set(FUNCTIONS.map(keyOf));

/** The intrinsic's name when the value is one (a mapping with a single `Ref` or `Fn::*` key). */
export function intrinsicName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] !== undefined && KEYS.has(keys[0]) ? keys[0] : undefined;
}

/** `Ref Uploads`, `Fn::GetAtt Table.Arn`: short enough for a warning. */
export function describeIntrinsic(value: Record<string, unknown>): string {
  const [name, argument] = Object.entries(value)[0] ?? ['?', undefined];
  const shown = typeof argument === 'string' ? argument : Array.isArray(argument) && argument.every((a) => typeof a === 'string') ? argument.join('.') : JSON.stringify(argument);
  return `${name} ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`;
}
