import { strict as assert } from 'node:assert';
import { LineIndex } from '../../src/connectionSpec';

describe('spec: positions', () => {
  it('maps offsets to lines and columns for \\n, \\r\\n and lone \\r', () => {
    const index = new LineIndex('ab\ncd\r\nef\rgh');
    assert.equal(index.lineCount, 4);
    const expected: Array<[number, number, number]> = [
      [0, 0, 0],
      [2, 0, 2],
      [3, 1, 0],
      [5, 1, 2],
      [7, 2, 0],
      [9, 2, 2],
      [10, 3, 0],
      [12, 3, 2],
    ];
    for (const [offset, line, column] of expected) {
      assert.deepEqual(index.position(offset), { line, column, offset }, `offset ${offset}`);
      assert.equal(index.offset(line, column), offset);
    }
  });

  it('clamps out-of-range and odd input instead of failing', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.position(-5), { line: 0, column: 0, offset: 0 });
    assert.deepEqual(index.position(99), { line: 1, column: 2, offset: 5 });
    assert.deepEqual(index.position(Number.NaN), { line: 0, column: 0, offset: 0 });
    assert.equal(index.offset(0, 99), 3);
    assert.equal(index.offset(9, 0), 5);
    assert.equal(index.offset(-1, 0), 0);
    assert.deepEqual(index.range(4, 1), { start: { line: 0, column: 1, offset: 1 }, end: { line: 1, column: 1, offset: 4 } });
  });

  it('gives a line range without its line break, and trims trailing blanks', () => {
    const index = new LineIndex('key: value  \r\nnext\n');
    assert.deepEqual(index.lineRange(0), index.range(0, 12));
    assert.deepEqual(index.trimmedRange(0, 14), index.range(0, 10));
    assert.deepEqual(new LineIndex('').lineRange(0), new LineIndex('').range(0, 0));
  });
});
