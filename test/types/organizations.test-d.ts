import type { ComputedRef } from 'vue'
import type {
  CreateOrganization,
  OrganizationDomainResource,
  OrganizationInvitationResource,
  OrganizationMembershipRequestResource,
  OrganizationMembershipResource,
  OrganizationResource,
  OrganizationSuggestionResource,
  PageSetter,
  PaginatedResources,
  SetActive,
  UserOrganizationInvitationResource,
} from '../../src'
import { describe, expectTypeOf, it } from 'vitest'
import { shallowRef } from 'vue'
import { useOrganization, useOrganizationList } from '../../src'

type Identical<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false
type Org = ReturnType<typeof useOrganization>
type List = ReturnType<typeof useOrganizationList>

describe('useOrganization types', () => {
  it('returns computed refs for the organization and the membership, tri-state', () => {
    expectTypeOf(useOrganization().isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf<Identical<Org['organization'], ComputedRef<OrganizationResource | null | undefined>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<Org['membership'], ComputedRef<OrganizationMembershipResource | null | undefined>>>().toEqualTypeOf<true>()
  })

  it('returns one reactive paginated list per resource', () => {
    expectTypeOf<Identical<Org['memberships'], PaginatedResources<OrganizationMembershipResource>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<Org['invitations'], PaginatedResources<OrganizationInvitationResource>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<Org['membershipRequests'], PaginatedResources<OrganizationMembershipRequestResource>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<Org['domains'], PaginatedResources<OrganizationDomainResource>>>().toEqualTypeOf<true>()
  })

  it('gives lists Clerk React\'s fields', () => {
    const { memberships } = useOrganization({ memberships: { pageSize: 5, infinite: true } })
    expectTypeOf(memberships.count).toEqualTypeOf<number>()
    expectTypeOf(memberships.isLoading).toEqualTypeOf<boolean>()
    expectTypeOf(memberships.isFetching).toEqualTypeOf<boolean>()
    expectTypeOf(memberships.hasNextPage).toEqualTypeOf<boolean>()
    expectTypeOf(memberships.hasPreviousPage).toEqualTypeOf<boolean>()
    expectTypeOf(memberships.page).toEqualTypeOf<number>()
    expectTypeOf(memberships.pageCount).toEqualTypeOf<number>()
    expectTypeOf(memberships.error).toEqualTypeOf<Error | null>()
    expectTypeOf(memberships.fetchNext).toEqualTypeOf<() => void>()
    expectTypeOf(memberships.fetchPrevious).toEqualTypeOf<() => void>()
    expectTypeOf(memberships.fetchPage).toEqualTypeOf<(page: PageSetter) => void>()
    expectTypeOf(memberships.revalidate).toEqualTypeOf<() => Promise<void>>()
  })

  it('accepts each list\'s own filters, as values, refs or getters', () => {
    useOrganization({ memberships: { role: ['org:admin'], query: 'ada' }, invitations: { status: ['pending'] } })
    useOrganization({ membershipRequests: { status: 'pending' }, domains: { enrollmentMode: 'automatic_invitation' } })
    useOrganization({ memberships: shallowRef({ query: 'ada' }), invitations: () => ({ status: ['accepted' as const] }) })
    // @ts-expect-error memberships have no status filter
    useOrganization({ memberships: { status: ['pending'] } })
    // @ts-expect-error invitation states are Clerk's
    useOrganization({ invitations: { status: ['unknown'] } })
    // @ts-expect-error unknown list
    useOrganization({ members: true })
  })
})

describe('useOrganizationList types', () => {
  it('returns the actions as computed refs, undefined until loaded', () => {
    const { isLoaded, createOrganization, setActive } = useOrganizationList()
    expectTypeOf(isLoaded).toEqualTypeOf<ComputedRef<boolean>>()
    expectTypeOf(createOrganization).toEqualTypeOf<ComputedRef<CreateOrganization | undefined>>()
    expectTypeOf(setActive).toEqualTypeOf<ComputedRef<SetActive | undefined>>()
    expectTypeOf<Identical<Awaited<ReturnType<CreateOrganization>>, OrganizationResource>>().toEqualTypeOf<true>()
  })

  it('returns the user\'s lists', () => {
    useOrganizationList({ userMemberships: true, userInvitations: { status: 'pending' }, userSuggestions: { status: ['pending', 'accepted'] } })
    expectTypeOf<Identical<List['userMemberships'], PaginatedResources<OrganizationMembershipResource>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<List['userInvitations'], PaginatedResources<UserOrganizationInvitationResource>>>().toEqualTypeOf<true>()
    expectTypeOf<Identical<List['userSuggestions'], PaginatedResources<OrganizationSuggestionResource>>>().toEqualTypeOf<true>()
  })

  it('rejects filters a list does not have', () => {
    // @ts-expect-error user memberships have no status filter
    useOrganizationList({ userMemberships: { status: 'pending' } })
  })
})
