import * as z from 'zod'
import { publicUserDataSchema } from './publicUserData'
import { sessionBaseSchema } from './session'

/** Where and on what a session was last used, as `/me/sessions/active` reports it. */
export const sessionActivitySchema = z.looseObject({
  id: z.string().optional(),
  browser_name: z.string().nullable().optional(),
  browser_version: z.string().nullable().optional(),
  device_type: z.string().nullable().optional(),
  ip_address: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  is_mobile: z.boolean().nullable().optional(),
})

/** One entry of the bare array `GET /me/sessions/active` returns: a session with `user: null` and its latest activity. */
export const sessionWithActivitiesSchema = sessionBaseSchema.extend({
  user: z.null().optional(),
  public_user_data: publicUserDataSchema.optional(),
  latest_activity: sessionActivitySchema.nullable(),
})

/** A session with activities as parsed. */
export type SessionWithActivitiesJSON = z.output<typeof sessionWithActivitiesSchema>
/** A session with activities as the server may write it. */
export type SessionWithActivitiesJSONInput = z.input<typeof sessionWithActivitiesSchema>
/** A session activity as parsed. */
export type SessionActivityJSON = z.output<typeof sessionActivitySchema>
