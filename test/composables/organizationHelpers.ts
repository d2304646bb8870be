import type { Component } from 'vue'
import type { PaginatedResources, UseOrganizationListParams, UseOrganizationListReturn, UseOrganizationParams, UseOrganizationReturn } from '../../src'
import type { TestServer } from '../helpers/createTestClerk'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, watch } from 'vue'
import { useOrganization, useOrganizationList } from '../../src'
import { signUpTestUser } from '../helpers/signUpTestUser'

/** Resolves once `list` has no request in flight (it may already be idle). */
export async function whenIdle(list: PaginatedResources<unknown>): Promise<void> {
  await flushPromises()
  await new Promise<void>((resolve) => {
    const stop = watch(() => list.isFetching, (fetching) => {
      if (fetching)
        return
      queueMicrotask(() => stop())
      resolve()
    }, { immediate: true })
  })
  await flushPromises()
}

/** A component calling `useOrganization(params)`, counting its renders; `state()` hands out what it got. */
export function organizationProbe(params: UseOrganizationParams = {}) {
  let result!: UseOrganizationReturn
  const renders = { count: 0 }
  const component: Component = defineComponent({
    setup() {
      result = useOrganization(params)
      return () => {
        renders.count++
        const { organization, membership, memberships } = result
        return h('p', `${organization.value?.name ?? organization.value} ${membership.value?.role ?? ''} ${memberships.data.map(m => m.publicUserData?.identifier).join(',')}`)
      }
    },
  })
  return { component, renders, state: () => result }
}

/** A component calling `useOrganizationList(params)`; `state()` hands out what it got. */
export function organizationListProbe(params: UseOrganizationListParams = {}) {
  let result!: UseOrganizationListReturn
  const component: Component = defineComponent({
    setup() {
      result = useOrganizationList(params)
      return () => h('p', result.userMemberships.data.map(m => m.organization.name).join(','))
    },
  })
  return { component, state: () => result }
}

/** Signs `count` more users up and returns their ids. */
export async function moreUsers(server: TestServer, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++)
    ids.push((await signUpTestUser(server, `member${i}@example.com`)).clerk.user!.id)
  return ids
}
