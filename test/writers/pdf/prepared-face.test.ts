import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faceNames } from '../../../src/writers/pdf/charset.js';
import { prepareFace } from '../../../src/writers/pdf/fonts.js';
import { deserializeFace, faceStamp, serializeFace } from '../../../src/writers/pdf/prepared-face.js';

/** The face with each typed array as one hex string: compared at once instead of element by element. */
function comparable(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    return `${value.constructor.name}:${bytes}`;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, comparable(v)]));
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

const assets = new URL('../../../assets/fonts/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', assets), 'utf8')) as {
  faces: Record<string, string>;
};

describe('faces prepared at build time', () => {
  it.each(faceNames)('%s read back from its prepared file equals the face prepared at run time', (face) => {
    const subset = readFileSync(new URL(manifest.faces[face]!, assets));
    const prepared = prepareFace(face, subset);
    const stamp = faceStamp(subset);
    // An odd offset too: the reader copies to an aligned buffer.
    const bytes = serializeFace(prepared, stamp);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    for (const input of [bytes, shifted])
      expect(comparable(deserializeFace(input, stamp))).toEqual(comparable(prepared));
  });

  it('is not used for other bytes than those it was prepared from (a stale build), nor when it is no prepared face', () => {
    const subset = readFileSync(new URL(manifest.faces.regular!, assets));
    const bytes = serializeFace(prepareFace('regular', subset), faceStamp(subset));
    const other = Uint8Array.from(subset);
    other[100] = other[100]! ^ 1;
    expect(deserializeFace(bytes, faceStamp(other))).toBeUndefined();
    expect(deserializeFace(subset, faceStamp(subset))).toBeUndefined();
    expect(deserializeFace(new Uint8Array(4), faceStamp(subset))).toBeUndefined();
  });
});
