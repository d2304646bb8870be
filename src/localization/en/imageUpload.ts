/** Strings of the image upload control (organization logo, profile image). `{size}` is in MB. */
export const imageUpload = {
  hint: 'PNG, JPEG, GIF or WebP, up to {size} MB.',
  typeInvalid: 'This file type is not supported. Choose a PNG, JPEG, GIF or WebP image.',
  tooLarge: 'This file is larger than {size} MB. Choose a smaller image.',
} as const

/** End-user messages of the errors an upload can get from the server, merged into `errors`. */
export const imageUploadErrors = {
  form_param_format_invalid__file: 'This file type is not supported. Choose a PNG, JPEG, GIF or WebP image.',
  form_param_missing__file: 'Choose an image to upload.',
  payload_too_large__file: 'This file is too large. Choose a smaller image.',
} as const
