import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { readTranscript } from '../../electron/services/import/read';
import { collapse, nativeParagraphs } from './services/pandoc-native';
it('dbg', async () => {
  for (const f of (process.env.FILES ?? '').split(',')) {
    const [kind, name] = f.split('/');
    const dir = `tests/fixtures/import/pandoc/${kind}`;
    const golden = nativeParagraphs(readFileSync(`${dir}/${name!.replace(/\.\w+$/, '.native')}`, 'utf8'));
    let text = '';
    try { text = collapse((await readTranscript({ path: `${dir}/${name}` })).transcript.text); } catch (e) { text = 'ERROR ' + (e as Error).message; }
    console.log(f, 'MISSING', JSON.stringify(golden.filter((p) => !text.includes(p))), '\nTRELLIS', text.slice(0, 400));
  }
});
