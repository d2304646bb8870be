import * as z from 'zod/mini'

/** The bare `POST /v1/dev_browser` response; clerk-js reads only `id` (`dvb_…`). */
export const devBrowserSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
})

/** A dev browser as parsed. */
export type DevBrowserJSON = z.output<typeof devBrowserSchema>
