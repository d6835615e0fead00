/** The `ports` field of the kinds that take one (EMR, ECS, custom). */
import type { SourceRange } from '../../core/specModel';
import type { TargetFields } from '../kind';

/** The item's ports (or the defaults), with a range per port. */
export function portsOf(
  fields: TargetFields,
  defaults: readonly number[],
): { ports: number[]; portsDefaulted: boolean; ranges: { ports: SourceRange; portItems: SourceRange[] } } {
  const given = Array.isArray(fields.data.ports) ? (fields.data.ports as number[]) : undefined;
  const portsRange = fields.range('ports');
  const ports = given ? [...given] : [...defaults];
  const portItems = given ? given.map((_, i) => fields.range(['ports', i], portsRange)) : defaults.map(() => portsRange);
  return { ports, portsDefaulted: given === undefined, ranges: { ports: portsRange, portItems } };
}
