import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/model/plan.js';

const root = path.resolve(import.meta.dirname, '../..');
const committed = JSON.parse(readFileSync(path.join(root, 'schemas/plan.schema.json'), 'utf8')) as object;

describe('schemas/plan.schema.json', () => {
  it('is what the zod model generates (run `npm run build && npm run schema` after changing the model)', () => {
    expect(committed).toEqual(planJsonSchema());
  });

  it('accepts every hand-checked fixture expectation and rejects a model with a wrong field', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    const dir = path.join(root, 'fixtures/text');
    const expectations = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));
    expect(expectations.length).toBeGreaterThanOrEqual(5);
    for (const file of expectations) {
      const expected = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      const doc = {
        schemaVersion: 1,
        source: { path: file, format: 'text', sha256: '0'.repeat(64), pages: null },
        ...expected,
      };
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...doc, recommendations: [{ ...(expected.recommendations as object[])[0], agreement: 'yes' }] })).toBe(false);
    }
  });
});
