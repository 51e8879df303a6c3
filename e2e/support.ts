import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'correct-horse-battery-9';
export const demoAdmin = 'admin@demo.sightlines.test';

/** Checks the page as it is now against WCAG 2.2 A and AA with axe, naming any violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Signs in through the sign-in page as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The test mailbox (e2e/mailbox.ts) that the app's SMTP email goes to. */
const mailboxUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3457) + 1}/messages`;

/** Waits for an email to `to` whose subject matches, and returns its plain-text body. */
export async function emailTo(to: string, subject: RegExp): Promise<string> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const messages = (await (await fetch(mailboxUrl)).json()) as {
      to: string[];
      subject: string;
      text: string;
    }[];
    const found = messages.findLast((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found.text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} with a subject like ${subject}`);
}
