export { ClerkAPIResponseError, isClerkAPIResponseError } from './clerkAPIResponseError'
export type { ClerkAPIError, ClerkAPIErrorMeta, ClerkAPIResponseErrorOptions } from './clerkAPIResponseError'
export { ClerkOfflineError, isClerkOfflineError } from './clerkOfflineError'
export type { ClerkOfflineErrorOptions } from './clerkOfflineError'
