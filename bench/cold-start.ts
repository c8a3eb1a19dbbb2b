/** Cold-start timing shared by the writer benchmarks: a fresh process loads a writer and renders twice. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ColdStart {
  /** Writer module, relative to dist/bench/, and its render function's name. */
  writer: string;
  render: string;
  /** Sample-letter module, relative to dist/bench/, and its factory's name. */
  samples: string;
  sample: string;
}

/** Median (of 5 fresh processes) module load, first and second letter, in milliseconds. */
export function coldStart(spec: ColdStart): { load: number; first: number; second: number } {
  const writer = fileURLToPath(new URL(spec.writer, import.meta.url));
  const samples = fileURLToPath(new URL(spec.samples, import.meta.url));
  const script = `
    const t0 = performance.now();
    const { ${spec.render}: render } = await import(${JSON.stringify(writer)});
    const t1 = performance.now();
    const { ${spec.sample}: sample } = await import(${JSON.stringify(samples)});
    const doc = sample();
    const t2 = performance.now();
    render(doc);
    const t3 = performance.now();
    render(doc);
    const t4 = performance.now();
    console.log(JSON.stringify({ load: t1 - t0, first: t3 - t2, second: t4 - t3 }));`;
  const runs = Array.from(
    { length: 5 },
    () =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as {
        load: number;
        first: number;
        second: number;
      },
  );
  const median = (key: 'load' | 'first' | 'second'): number => runs.map((r) => r[key]).sort((a, b) => a - b)[2]!;
  return { load: median('load'), first: median('first'), second: median('second') };
}
