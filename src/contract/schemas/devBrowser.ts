import * as z from 'zod'

/** The bare `POST /v1/dev_browser` response; clerk-js reads only `id` (`dvb_…`). */
export const devBrowserSchema = z.looseObject({
  id: z.string().min(1),
})

/** A dev browser as parsed. */
export type DevBrowserJSON = z.output<typeof devBrowserSchema>
