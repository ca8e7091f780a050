import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const PURE_LIBS = ['libs/acd', 'libs/ivr', 'libs/metrics'];

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the project's rules over `paths`, inside `cwd`. */
function cruise(cwd: string, paths: string[]): Violation[] {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.js',
      '--output-type',
      'json',
      ...paths,
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!result.stdout) throw new Error(`dependency-cruiser failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** Globals that read the clock, start timers or draw random numbers: forbidden in pure libs. */
const IMPURE_CALLS =
  /\b(Date\.now|new Date|setTimeout|setInterval|setImmediate|performance\.now|Math\.random|process\.|Intl\.)/;

function impureLines(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .filter((line) => IMPURE_CALLS.test(line));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('architecture rules', () => {
  it('hold for the whole tree: pure libs stay pure, libs never import apps, no import cycles', () => {
    expect(cruise(ROOT, ['apps', 'libs'])).toEqual([]);
  });

  it('pure libs never read the clock, start timers or draw random numbers', () => {
    const offenders = PURE_LIBS.flatMap((lib) =>
      sourceFiles(join(ROOT, lib)).flatMap((file) =>
        impureLines(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  describe('catch violations', () => {
    let tree: string;

    beforeAll(() => {
      tree = mkdtempSync(join(tmpdir(), 'hotline-architecture-'));
      cpSync(join(ROOT, '.dependency-cruiser.js'), join(tree, '.dependency-cruiser.js'));
      writeFileSync(
        join(tree, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'node20', strict: true } }),
      );
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
      const write = (path: string, text: string) => {
        mkdirSync(join(tree, path, '..'), { recursive: true });
        writeFileSync(join(tree, path), text);
      };
      write(
        'libs/acd/src/engine.ts',
        "import { Injectable } from '@nestjs/common';\nexport const engine = Injectable;\n",
      );
      write(
        'libs/metrics/src/clock.ts',
        "import { setTimeout } from 'node:timers/promises';\nexport const wait = setTimeout;\n",
      );
      write(
        'libs/ivr/src/flow.ts',
        "import { app } from '../../../apps/hotline/src/app';\nexport const flow = app;\n",
      );
      write('apps/hotline/src/app.ts', 'export const app = 1;\n');
      write('apps/hotline/src/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
      write('apps/hotline/src/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    });
    afterAll(() => rmSync(tree, { recursive: true, force: true }));

    it('reports a pure lib importing Nest, Node timers or an app, and an import cycle', () => {
      const rules = cruise(tree, ['apps', 'libs']).map((v) => `${v.rule}: ${v.from}`);
      expect(rules).toEqual(
        expect.arrayContaining([
          'pure-lib-no-io: libs/acd/src/engine.ts',
          'pure-lib-no-node-io: libs/metrics/src/clock.ts',
          'lib-not-app: libs/ivr/src/flow.ts',
          'no-cycles: apps/hotline/src/a.ts',
        ]),
      );
    });

    it('reports a pure lib reading the clock or drawing random numbers', () => {
      expect(
        impureLines(
          'const at = Date.now();\nconst x = 1;\nconst r = Math.random();\n// Date.now() in a comment',
        ),
      ).toEqual(['const at = Date.now();', 'const r = Math.random();']);
    });
  });
});
