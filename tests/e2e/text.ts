import { expect, type Page } from '@playwright/test';

/** Screen coordinates of the first and last character of a phrase in the transcript. */
export async function phraseBox(page: Page, phrase: string) {
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  return page.evaluate((target) => {
    // The phrase may cross text nodes (formatting runs): search the concatenated text, then map back.
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.querySelector('.transcript')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(target);
    if (at < 0) throw new Error(`phrase not found: ${target}`);
    const locate = (index: number) => {
      let offset = index;
      for (const node of nodes) {
        if (offset <= node.data.length) return { node, offset };
        offset -= node.data.length;
      }
      throw new Error('out of range');
    };
    const from = locate(at);
    const to = locate(at + target.length);
    // Brought into view first if it is not (the text column is narrower beside the coding panel).
    from.node.parentElement!.scrollIntoView({ block: 'nearest' });
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    // xm: the middle of the phrase's first line (a phrase may wrap, beside the coding panel).
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2,
      xm: first.left + first.width / 2,
    };
  }, phrase);
}

/** Drags the mouse across a phrase in the transcript, as a researcher selects it. */
export async function dragOver(page: Page, phrase: string) {
  const box = await phraseBox(page, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
}
