import { authGuard } from 'portico'
import { createRouter, createWebHistory } from 'vue-router'

/** The playground's pages; the auth pages match their sub-paths because `<SignIn>`/`<SignUp>` route their steps there. */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
    { path: '/sign-in/:rest(.*)*', name: 'sign-in', component: () => import('./pages/SignInPage.vue') },
    { path: '/sign-up/:rest(.*)*', name: 'sign-up', component: () => import('./pages/SignUpPage.vue') },
    { path: '/user', name: 'user', component: () => import('./pages/UserPage.vue'), meta: { requiresAuth: true } },
    { path: '/organizations', name: 'organizations', component: () => import('./pages/OrganizationsPage.vue') },
    { path: '/protected', name: 'protected', component: () => import('./pages/ProtectedPage.vue'), meta: { requiresAuth: true } },
    { path: '/token', name: 'token', component: () => import('./pages/TokenPage.vue'), meta: { requiresAuth: true } },
    { path: '/custom', name: 'custom', component: () => import('./pages/CustomFlowsPage.vue') },
    { path: '/:missing(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
})

router.beforeEach(authGuard)
