import type { ClientRow } from './db/rows'
import type { UploadedFile } from './http/uploads'
import type { ClientCredential } from './middleware/clientIdentity'
import type { FormBody } from './utils/formBody'

/** Hono's environment for every route: what the middleware leaves in the context. */
export interface AppEnv {
  Variables: {
    /** The parsed request body (form fields; repeated keys become arrays). */
    form: FormBody
    /** The file parts of a multipart body, by field name (the first one per name). */
    files: Record<string, UploadedFile>
    /** How the request names its client (cookie or dev browser), before any database lookup. */
    credential: ClientCredential | null
    /** The client once loaded for this request (undefined = not looked up yet, null = none). */
    client: ClientRow | null | undefined
    /** True once this request created the client (its cookie is already fresh). */
    clientCreated: boolean
    /** The origin that becomes the JWT `azp` (Origin, else Referer, when allowed). */
    azp: string | null
  }
}
