/** Assertions shared by the spec reader tests: a fast reader's tree against the yaml Composer's. */
import { strict as assert } from 'node:assert';
import { isMap, isPair, isSeq, type Node } from 'yaml';

/** The same node shape and ranges in the fast path's tree and the Composer's. */
export function assertSameNodes(fast: unknown, composed: unknown, where: string): void {
  if (isPair(fast) && isPair(composed)) {
    assertSameNodes(fast.key, composed.key, `${where} key`);
    assertSameNodes(fast.value, composed.value, `${where} value`);
    return;
  }
  const a = fast as Node;
  const b = composed as Node;
  assert.deepEqual(a.range, b.range, `${where}: range`);
  assert.equal(isMap(a), isMap(b), `${where}: map`);
  assert.equal(isSeq(a), isSeq(b), `${where}: seq`);
  if (isMap(a) || isSeq(a)) {
    const items = (b as unknown as { items: unknown[] }).items;
    assert.equal(a.items.length, items.length, `${where}: items`);
    a.items.forEach((item, i) => assertSameNodes(item, items[i], `${where}[${i}]`));
  }
}
