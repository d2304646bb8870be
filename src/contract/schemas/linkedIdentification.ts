import * as z from 'zod/mini'

/** An `{type, id}` link from an email address or phone number to the identification it came with (e.g. `oauth_google`). */
export const linkedIdentificationSchema = z.looseObject({
  type: z.string(),
  id: z.string(),
})

/** A linked identification as parsed. */
export type LinkedIdentificationJSON = z.output<typeof linkedIdentificationSchema>
