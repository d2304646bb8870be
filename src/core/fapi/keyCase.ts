/** Converts a camelCase key to the snake_case FAPI expects (`emailAddressId` -> `email_address_id`). */
export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, letter => `_${letter.toLowerCase()}`)
}

/** Converts a snake_case FAPI key to camelCase (`param_name` -> `paramName`). */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}
