import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering lives in eslint.config.js; these prove that a violation of each rule fails lint.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const restricted = (messages: string[]) => messages.filter((m) => m.startsWith('@typescript-eslint/no-restricted-imports'));
const undefinedNames = (messages: string[]) => messages.filter((m) => m.startsWith('no-undef'));

describe('layer boundaries', () => {
  it('the renderer imports no Node or Electron module', async () => {
    expect(
      restricted(await problems('renderer/common/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('a');\n")),
    ).toHaveLength(1);
    expect(
      restricted(await problems('renderer/common/x.ts', "import { ipcRenderer } from 'electron';\nipcRenderer.send('a');\n")),
    ).toHaveLength(1);
    expect(restricted(await problems('renderer/common/x.ts', "import Database from 'better-sqlite3';\nnew Database('a');\n"))).toHaveLength(
      1,
    );
  });

  it('the renderer takes types, never runtime code, from db/ and electron/', async () => {
    const runtime = "import { createCode } from '../../db/queries/codes';\ncreateCode;\n";
    expect(restricted(await problems('renderer/codebook/x.ts', runtime))).toHaveLength(1);
    const typeOnly = "import type { MethodName } from '../../electron/api/methods';\nexport type X = MethodName;\n";
    expect(restricted(await problems('renderer/codebook/x.ts', typeOnly))).toEqual([]);
  });

  it('the renderer has browser globals only', async () => {
    expect(undefinedNames(await problems('renderer/common/x.ts', 'export const home = process.env.HOME;\n'))).toHaveLength(1);
    expect(undefinedNames(await problems('renderer/common/x.ts', 'export const w = window.innerWidth;\n'))).toEqual([]);
  });

  it('shared/ imports nothing outside shared/ and sees neither Node nor the DOM', async () => {
    expect(restricted(await problems('shared/x.ts', "import { dispatch } from '../electron/api/dispatch';\ndispatch;\n"))).toHaveLength(1);
    expect(restricted(await problems('shared/x.ts', "import { App } from '../renderer/app/App';\nApp;\n"))).toHaveLength(1);
    expect(restricted(await problems('shared/x.ts', "import { join } from 'path';\njoin;\n"))).toHaveLength(1);
    expect(undefinedNames(await problems('shared/x.ts', 'export const w = window.innerWidth;\n'))).toHaveLength(1);
    expect(undefinedNames(await problems('shared/x.ts', 'export const b = Buffer.from("a");\n'))).toHaveLength(1);
    expect(await problems('shared/x.ts', "import { codePointLength } from './offsets';\nexport const n = codePointLength('a');\n")).toEqual(
      [],
    );
  });

  it('db/ never imports electron/', async () => {
    expect(restricted(await problems('db/queries/x.ts', "import { methods } from '../../electron/api/methods';\nmethods;\n"))).toHaveLength(
      1,
    );
    expect(restricted(await problems('db/queries/x.ts', "import { app } from 'electron';\napp;\n"))).toHaveLength(1);
    expect(undefinedNames(await problems('db/x.ts', 'export const d = document.title;\n'))).toHaveLength(1);
  });

  it('a host reaches the API only through dispatch and the protocol', async () => {
    expect(
      restricted(await problems('electron/hosts/x.ts', "import { exportCodebook } from '../services/codebook-export';\nexportCodebook;\n")),
    ).toHaveLength(1);
    expect(restricted(await problems('electron/hosts/x.ts', "import { methods } from '../api/methods';\nmethods;\n"))).toHaveLength(1);
    expect(
      restricted(await problems('electron/hosts/x.ts', "import { listSegments } from '../../db/queries/segments';\nlistSegments;\n")),
    ).toHaveLength(1);
    expect(restricted(await problems('electron/hosts/x.ts', "import { dispatch } from '../api/dispatch';\ndispatch;\n"))).toEqual([]);
  });
});
