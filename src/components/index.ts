// The native components. Each is also importable on its own (`portico/components/SignIn.vue` in source).
export type { Appearance, AppearanceElement, AppearanceVariables, BaseTheme } from './appearance'
export type { AfterAuthRedirectProps } from './composables/authUrls'
export type { RoutingProps, RoutingStrategy } from './composables/useFlowRouting'
export { default as SignIn } from './SignIn.vue'
export type { SignInInitialValues, SignInProps } from './signIn/signInProps'
export { default as SignUp } from './SignUp.vue'
export type { SignUpInitialValues, SignUpProps } from './signUp/signUpProps'
