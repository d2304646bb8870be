import type { FactorJSON } from '../../contract'
import type { SignInFactor } from './SignIn'

/** camelCases a sign-in factor, dropping absent fields so factors compare and print cleanly. */
export function camelizeFactor(json: FactorJSON): SignInFactor {
  const factor: SignInFactor = { strategy: json.strategy }
  if (json.safe_identifier !== undefined)
    factor.safeIdentifier = json.safe_identifier
  if (json.email_address_id !== undefined)
    factor.emailAddressId = json.email_address_id
  if (json.phone_number_id !== undefined)
    factor.phoneNumberId = json.phone_number_id
  if (json.web3_wallet_id !== undefined)
    factor.web3WalletId = json.web3_wallet_id
  if (json.passkey_id !== undefined)
    factor.passkeyId = json.passkey_id
  if (json.primary !== undefined)
    factor.primary = json.primary
  if (json.default !== undefined)
    factor.default = json.default
  if (json.channel !== undefined)
    factor.channel = json.channel
  return factor
}
