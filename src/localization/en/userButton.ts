/** Strings of `<UserButton>`. */
export const userButton = {
  trigger: 'Open the account menu of {name}',
  menu: 'Account menu',
  manageAccount: 'Manage account',
  signOut: 'Sign out',
  signOutAll: 'Sign out of all accounts',
  addAccount: 'Add account',
  switchTo: 'Switch to {name}',
} as const
