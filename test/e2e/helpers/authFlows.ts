import type { Page } from 'playwright-core'
import type { DevInbox } from './devInbox'
import type { PlaygroundUser } from './playgroundUser'

/** Signs `user` up through `<SignUp>` at /sign-up, with the code from the dev inbox, and waits for the signed-in home. */
export async function signUpThroughUi(page: Page, appUrl: string, inbox: DevInbox, user: PlaygroundUser): Promise<void> {
  await page.goto(`${appUrl}/sign-up`)
  await page.getByLabel('First name').fill(user.firstName)
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  const code = await inbox.codeFrom(user.email, () => page.getByRole('button', { name: 'Continue' }).click())
  await page.getByLabel('Verification code').fill(code)
  await page.getByTestId('signed-in-greeting').waitFor()
}

/** Signs in through `<SignIn>` on the current page (already at /sign-in) with email and password. */
export async function signInWithPassword(page: Page, user: Pick<PlaygroundUser, 'email' | 'password'>): Promise<void> {
  await page.getByLabel('Email address').fill(user.email)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** Opens the header's `<UserButton>` menu. */
export async function openAccountMenu(page: Page): Promise<void> {
  await page.getByTestId('account').getByRole('button', { name: /account menu/i }).click()
  await page.getByRole('menu').waitFor()
}

/** The account the header's `<UserButton>` belongs to, read from its accessible name. */
export async function activeAccountName(page: Page): Promise<string> {
  const label = await page.getByTestId('account').getByRole('button', { name: /account menu/i }).getAttribute('aria-label')
  return label?.replace(/^.*account menu of /i, '') ?? ''
}
