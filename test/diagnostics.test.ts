import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatPath, placeDiagnostics } from '../src/ground/diagnostics.js';

describe('diagnostics', () => {
  it('formats a path the way a user reads it', () => {
    expect(formatPath(['inspection', 'areasForImprovement', 2])).toBe('inspection.areasForImprovement[2]');
  });
  it('prints like a compiler', () => {
    const [d] = placeDiagnostics(
      [{ severity: 'error', message: 'expected a URN', path: ['school', 'urn'], rule: 'schema/invalid' }],
      () => ({ line: 14, column: 3, endLine: 14, endColumn: 9 }),
      'visit.yaml',
    );
    expect(formatDiagnostic(d!)).toBe('visit.yaml:14:3 error expected a URN at school.urn (schema/invalid)');
  });
});
