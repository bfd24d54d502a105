/**
 * The layering is a lint rule (eslint.config.js); this proves the rule bites: a lower layer importing a higher one is
 * an error, the allowed direction is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering (eslint no-restricted-imports)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['src/dom/x.ts', "import { a } from '../cleanup/detector';", false],
    ['src/dom/x.ts', "import { a } from '../extract/index';", false],
    ['src/cleanup/x.ts', "import { a } from '../aggregators/registry';", false],
    ['src/cleanup/x.ts', "import { a } from '../extract/types';", false],
    ['src/aggregators/x.ts', "import { a } from '../cleanup/climb';", false],
    ['src/extract/x.ts', "import { a } from '../reader/overlay';", false],
    ['src/extract/x.ts', "import { a } from '../library/store';", false],
    ['src/cleanup/x.ts', "import { a } from '../dom/text';", true],
    ['src/aggregators/x.ts', "import { a } from '../dom/text';", true],
    ['src/extract/x.ts', "import { a } from '../cleanup/detector';", true],
    ['src/extract/x.ts', "import { a } from '../aggregators/registry';", true],
    ['src/reader/x.ts', "import { a } from '../extract/types';", true],
  ];
  for (const [file, code, allowed] of cases) {
    it(`${allowed ? 'allows' : 'forbids'} ${code} in ${file}`, async () => {
      const errors = await errorsFor(file, `${code}\nexport const b = a;\n`);
      expect(errors.length === 0).toBe(allowed);
    });
  }

  it('forbids the wxt/testing barrel', async () => {
    const [result] = await eslint.lintText("import { fakeBrowser } from 'wxt/testing';\nexport const b = fakeBrowser;\n", { filePath: 'tests/unit/x.test.ts' });
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
  });
});
