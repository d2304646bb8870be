import type { ShallowRef } from 'vue'
import { nextTick, shallowRef } from 'vue'
import { isClerkAPIResponseError, isClerkOfflineError } from '../../core/errors'
import { fields as fieldLabels } from '../../localization/en/common'
import { errors } from '../../localization/en/errors'
import { useLocalization } from './useLocalization'

/** What `useForm` returns: busy state, errors per field and above the form, and `submit`. */
export interface FormState {
  /** True while an action runs; buttons show a spinner and ignore clicks. */
  busy: ShallowRef<boolean>
  /** Messages keyed by field wire name (`identifier`, `password`, `code`...). */
  fieldErrors: ShallowRef<Record<string, string>>
  /** The message shown above the form (errors that name no field of this form). */
  formError: ShallowRef<string>
  /** Runs `action` once at a time, showing what it throws; resolves `undefined` when it failed. */
  submit: <T>(action: () => Promise<T>) => Promise<T | undefined>
  /** Shows what `error` says, at its field when this form has that field, else above the form. */
  showError: (error: unknown) => void
  /** Clears every message. */
  clear: () => void
}

/**
 * Form plumbing for the components: `fields` are the wire names of this form's inputs, so an error
 * whose `meta.paramName` names one is shown at that input and the others above the form. After an
 * error the first invalid input inside `formEl` gets the focus.
 */
export function useForm(fields: () => readonly string[], formEl?: ShallowRef<HTMLElement | null | undefined>): FormState {
  const { t, errorMessage } = useLocalization({ fields: fieldLabels, errors })
  const busy = shallowRef(false)
  const fieldErrors = shallowRef<Record<string, string>>({})
  const formError = shallowRef('')

  const clear = (): void => {
    fieldErrors.value = {}
    formError.value = ''
  }

  const showError = (error: unknown): void => {
    const known = new Set(fields())
    const perField: Record<string, string> = {}
    let general = ''
    if (isClerkAPIResponseError(error) && error.errors.length > 0) {
      for (const entry of error.errors) {
        const param = entry.meta?.paramName
        if (param && known.has(param))
          perField[param] ??= errorMessage(entry)
        else
          general ||= errorMessage(entry)
      }
    }
    else if (isClerkOfflineError(error)) {
      general = t('common.offline')
    }
    else {
      general = t('common.unexpectedError')
    }
    fieldErrors.value = perField
    formError.value = general
    void nextTick(() => formEl?.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  const submit = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    if (busy.value)
      return undefined
    busy.value = true
    clear()
    try {
      return await action()
    }
    catch (error) {
      showError(error)
      return undefined
    }
    finally {
      busy.value = false
    }
  }

  return { busy, fieldErrors, formError, submit, showError, clear }
}
