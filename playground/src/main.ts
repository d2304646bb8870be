import { clerkPlugin } from 'portico'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import './styles.css'

// the Frontend API is proxied same-origin under /__clerk (see vite.config.ts), so the __client cookie is first-party
createApp(App)
  .use(clerkPlugin, { proxyUrl: '/__clerk', signInUrl: '/sign-in', signUpUrl: '/sign-up', afterSignOutUrl: '/' })
  .use(router)
  .mount('#app')
