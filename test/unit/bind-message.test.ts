/** One run of a prepared statement as wire messages (bind-message.ts): byte for byte what PGlite would send. */
import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { type BindValue, bindExecuteSync } from '../../server/db/bind-message.js';

/** PGlite's own serializer: Bind, Execute, Sync, one after another. */
function pgliteBytes(statement: string, values: BindValue[]): Uint8Array {
  const parts = [
    protocol.serialize.bind({ statement, values }),
    protocol.serialize.execute({}),
    protocol.serialize.sync(),
  ];
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

describe('bindExecuteSync', () => {
  it.each<[string, BindValue[]]>([
    ['no parameters', []],
    ['text and NULL', ['a', null, '', 'draft']],
    ['characters of 2, 3 and 4 UTF-8 bytes', ['é', '€ and ✓', '😀 a surrogate pair', 'mixed é€😀 text']],
    ['binary parameters (format 1) among text ones', [new Uint8Array([0, 1, 255]), 'x', new Uint8Array(0)]],
    ['a batch of 4 KB drafts', Array.from({ length: 8 }, (_, i) => `${'word '.repeat(820)}${i}`)],
  ])('writes %s as PGlite does', (_, values) => {
    expect(bindExecuteSync('audition_12', values)).toEqual(pgliteBytes('audition_12', values));
  });

  it('states the Bind length the bytes have, with no room left over', () => {
    const bytes = bindExecuteSync('s', ['😀😀', null]);
    const bindLength = new DataView(bytes.buffer, bytes.byteOffset).getInt32(1);
    // The code byte, the Bind, then Execute (10 bytes) and Sync (5): nothing after them.
    expect(bytes.length).toBe(1 + bindLength + 10 + 5);
    expect(bytes[1 + bindLength]).toBe(0x45);
    expect(bytes.at(-5)).toBe(0x53);
  });
});
