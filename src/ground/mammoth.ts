/**
 * mammoth (reading DOCX letters and drafts), loaded on first use. Node's own
 * loader gives a CommonJS package's exports both by name and as `default`;
 * the command-line bundle (scripts/bundle.mjs) gives them only as `default`.
 * Both readers of DOCX files take mammoth from here, so the library and the
 * bundled command read the same files the same way.
 */
import type * as Mammoth from 'mammoth';

/** The part of mammoth the tool uses. */
export type MammothApi = Pick<typeof Mammoth, 'extractRawText' | 'convertToHtml'>;

let loaded: MammothApi | undefined;

/** mammoth's functions; throws a plain Error (an internal fault, never the user's file) if they are not there. */
export async function loadMammoth(): Promise<MammothApi> {
  if (loaded) return loaded;
  const module = (await import('mammoth')) as Partial<MammothApi> & { default?: Partial<MammothApi> };
  const api = typeof module.default?.extractRawText === 'function' ? module.default : module;
  if (typeof api.extractRawText !== 'function' || typeof api.convertToHtml !== 'function') {
    throw new Error('mammoth was loaded without extractRawText and convertToHtml: the package or its bundle is broken');
  }
  loaded = api as MammothApi;
  return loaded;
}
