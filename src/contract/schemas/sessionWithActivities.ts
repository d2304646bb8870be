import * as z from 'zod/mini'
import { publicUserDataSchema } from './publicUserData'
import { sessionBaseSchema } from './session'

/** Where and on what a session was last used, as `/me/sessions/active` reports it. */
export const sessionActivitySchema = z.looseObject({
  id: z.optional(z.string()),
  browser_name: z.nullish(z.string()),
  browser_version: z.nullish(z.string()),
  device_type: z.nullish(z.string()),
  ip_address: z.nullish(z.string()),
  city: z.nullish(z.string()),
  country: z.nullish(z.string()),
  is_mobile: z.nullish(z.boolean()),
})

/** One entry of the bare array `GET /me/sessions/active` returns: a session with `user: null` and its latest activity. */
export const sessionWithActivitiesSchema = z.extend(sessionBaseSchema, {
  user: z.optional(z.null()),
  public_user_data: z.optional(publicUserDataSchema),
  latest_activity: z.nullable(sessionActivitySchema),
})

/** A session with activities as parsed. */
export type SessionWithActivitiesJSON = z.output<typeof sessionWithActivitiesSchema>
/** A session with activities as the server may write it. */
export type SessionWithActivitiesJSONInput = z.input<typeof sessionWithActivitiesSchema>
/** A session activity as parsed. */
export type SessionActivityJSON = z.output<typeof sessionActivitySchema>
