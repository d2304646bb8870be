import type { PhoneNumberJSON } from '../../contract'
import { toDate } from './dates'
import { Verification } from './Verification'

/** One of the user's phone numbers (read-only here: phone verification is not part of this SDK yet). */
export class PhoneNumber {
  id: string
  /** E.164 form, e.g. `+15555550100`. */
  phoneNumber: string
  reservedForSecondFactor: boolean
  defaultSecondFactor: boolean
  verification: Verification
  linkedTo: { type: string, id: string }[]
  createdAt: Date | null
  updatedAt: Date | null

  constructor(json: PhoneNumberJSON) {
    this.id = json.id
    this.phoneNumber = json.phone_number
    this.reservedForSecondFactor = json.reserved_for_second_factor
    this.defaultSecondFactor = json.default_second_factor
    this.verification = new Verification(json.verification)
    this.linkedTo = json.linked_to.map(link => ({ type: link.type, id: link.id }))
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
  }

  /** The number itself, so it can be interpolated. */
  toString(): string {
    return this.phoneNumber
  }
}
