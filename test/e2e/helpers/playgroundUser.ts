/** A person the suites sign up and sign in as. */
export interface PlaygroundUser {
  email: string
  password: string
  firstName: string
}

/** A user with a password the server accepts (8+ characters, not a common one). */
export function playgroundUser(firstName: string): PlaygroundUser {
  return { email: `${firstName.toLowerCase()}@example.com`, password: `${firstName}-portico-e2e-42`, firstName }
}
