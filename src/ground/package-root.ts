import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (where package.json, templates/ and fixtures/
 * live), found from this file whether it runs from src/ or dist/src/.
 */
export function packageRoot(): string {
  for (const up of ['../../', '../../../']) {
    const url = new URL(up, import.meta.url);
    const pkg = new URL('package.json', url);
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'monitoring-letter') {
      return fileURLToPath(url);
    }
  }
  throw new Error('cannot find the monitoring-letter package root');
}
