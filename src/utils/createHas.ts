import type { CheckAuthorization } from '../contract'
import type { AuthSnapshot } from './deriveAuthState'
import { createCheckAuthorization } from '../contract'

/** Builds `has()` over an auth snapshot (the contract's rules: every asked dimension must pass, missing data fails). */
export function createHas(auth: AuthSnapshot): CheckAuthorization {
  return createCheckAuthorization({
    userId: auth.userId,
    orgId: auth.orgId,
    orgRole: auth.orgRole,
    orgPermissions: auth.orgPermissions,
    factorVerificationAge: auth.factorVerificationAge,
    // features and plans only travel in the token (`fea`/`pla`, comma-separated)
    features: claimList(auth.sessionClaims?.fea),
    plans: claimList(auth.sessionClaims?.pla),
  })
}

function claimList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map(entry => entry.trim()).filter(Boolean) : []
}
