import type { Page } from '@playwright/test';

/** Chooses an item of the top bar's Project menu (Import…, Cases and attributes…, Close project, …). */
export async function projectMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Project' }).click();
  await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: item }).click();
}
