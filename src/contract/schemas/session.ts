import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { publicUserDataSchema } from './publicUserData'
import { tokenSchema } from './token'
import { userSchema } from './user'

/** Every state a session can be in. */
export const sessionStatusSchema = z.enum(['active', 'pending', 'ended', 'expired', 'removed', 'replaced', 'abandoned', 'revoked'])

/** The impersonator behind a session (`actor`), or null. */
export const sessionActorSchema = z.looseObject({
  sub: z.string(),
  iss: z.optional(z.string()),
  sid: z.optional(z.string()),
  type: z.optional(z.string()),
})

/** A task the user must finish before a `pending` session becomes active. */
export const sessionTaskSchema = z.looseObject({ key: z.string() })

/**
 * The fields every session shape shares. `user` and `public_user_data` differ between the client's
 * sessions and `/me/sessions/active`, so each shape adds its own.
 */
export const sessionBaseSchema = z.looseObject({
  object: z.literal('session'),
  id: z.string(),
  status: sessionStatusSchema,
  expire_at: timestampSchema,
  abandon_at: timestampSchema,
  last_active_at: timestampSchema,
  last_active_token: z.nullable(tokenSchema),
  // '' means the personal account, like null
  last_active_organization_id: z.nullish(z.string()),
  actor: z.nullish(sessionActorSchema),
  tasks: z.nullish(z.array(sessionTaskSchema)),
  factor_verification_age: z.nullish(z.tuple([z.int().check(z.minimum(-1)), z.int().check(z.minimum(-1))])),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/**
 * A session inside a client (fapi.md 4.2), with the checks whose failure makes clerk-js's `useAuth()` throw
 * "Invalid state": an active session carries a token, and an active organization has a membership with a role.
 */
export const sessionSchema = z.extend(sessionBaseSchema, {
  user: userSchema,
  public_user_data: publicUserDataSchema,
}).check((ctx) => {
  const session = ctx.value
  if (session.status === 'active' && !session.last_active_token) {
    ctx.issues.push({
      code: 'custom',
      input: session.last_active_token,
      path: ['last_active_token'],
      message: 'an active session needs a last_active_token, received null',
    })
  }
  const orgId = session.last_active_organization_id
  if (orgId) {
    const membership = session.user.organization_memberships.find(m => m.organization.id === orgId)
    if (!membership?.role) {
      ctx.issues.push({
        code: 'custom',
        input: orgId,
        path: ['last_active_organization_id'],
        message: `user.organization_memberships has no membership with a role for ${orgId}`,
      })
    }
  }
})

/** A session as parsed. */
export type SessionJSON = z.output<typeof sessionSchema>
/** A session as the server may write it. */
export type SessionJSONInput = z.input<typeof sessionSchema>
/** The state of a session. */
export type SessionStatus = z.output<typeof sessionStatusSchema>
/** A session actor as parsed. */
export type SessionActorJSON = z.output<typeof sessionActorSchema>
