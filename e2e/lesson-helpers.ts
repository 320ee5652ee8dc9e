/** Terminal and lesson-step helpers shared by the lesson specs. */
import { expect, type Page } from '@playwright/test';

/** The last non-empty row of the terminal: "$" when the shell waits for a command. */
export async function lastRow(page: Page): Promise<string> {
  const text = await page.locator('[data-testid=terminal] .xterm-rows').innerText();
  const rows = text.split('\n').map((r) => r.replace(/\u00a0/g, ' ').trim()).filter(Boolean);
  return rows[rows.length - 1] ?? '';
}

/** Types a line into the terminal and waits, up to `timeout` ms, for the prompt to come back. */
export async function typeAndWait(page: Page, line: string, prompt: string, timeout: number): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line, { delay: 0 });
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(page), { timeout }).toBe(prompt);
}

/** A step of the open lesson. */
export const lessonStep = (page: Page, id: string) => page.getByTestId(`lesson-step-${id}`);

/** Waits, up to `timeout` ms, for a lesson step's check to pass. */
export async function expectStepDone(page: Page, id: string, timeout: number): Promise<void> {
  await expect(lessonStep(page, id)).toHaveAttribute('data-status', 'complete', { timeout });
}
