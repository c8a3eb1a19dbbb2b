/** Types for `subset-font` (the package ships none); only what we use. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    dropTables?: string[];
    noHinting?: boolean;
    noLayoutClosure?: boolean;
  }
  function subsetFont(buffer: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
  export default subsetFont;
}
