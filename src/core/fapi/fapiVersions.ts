/** The FAPI version pin sent as `__clerk_api_version` (what clerk-js 6.40 sends). */
export const DEFAULT_FAPI_API_VERSION = '2026-08-20'

/** The clerk-js version whose wire behaviour Portico follows, sent as `_clerk_js_version`. */
export const DEFAULT_CLERK_JS_VERSION = '6.40.0'
