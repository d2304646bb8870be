import type { AppEnv } from '../appEnv'
import type { DevInboxRow } from '../db/rows'
import type { Deps } from '../deps'
import { Hono } from 'hono'
import { html, raw } from 'hono/html'

const LIMIT = 100
// the http(s) links of a message (an invitation's ticket link), made clickable on the HTML page
const LINK = /\bhttps?:\/\/[^\s<>"']+/g

function toJSON(row: DevInboxRow) {
  return { id: row.id, channel: row.channel, to: row.to_address, subject: row.subject, body: row.body, code: row.code, created_at: row.created_at }
}

/**
 * The dev inbox (mounted only when it is on): `/dev/inbox` lists the latest messages as an HTML page
 * (every value escaped, http(s) links clickable), `/dev/inbox.json` as `{messages: [...]}`, oldest first.
 */
export function devInboxRoutes(deps: Deps): Hono<AppEnv> {
  async function latest(): Promise<DevInboxRow[]> {
    const rows = await deps.db.kysely.selectFrom('dev_inbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(LIMIT).execute()
    return rows.reverse()
  }

  return new Hono<AppEnv>()
    .get('/inbox.json', async c => c.json({ messages: (await latest()).map(toJSON) }))
    .get('/inbox', async (c) => {
      const rows = (await latest()).reverse()
      c.header('Content-Security-Policy', 'default-src \'none\'; style-src \'unsafe-inline\'; base-uri \'none\'; frame-ancestors \'none\'')
      c.header('Referrer-Policy', 'no-referrer')
      const items = rows.map(row => html`<li>
  <p class="meta">${new Date(row.created_at).toISOString()} · ${row.channel} to <b>${row.to_address}</b></p>
  <p class="subject">${row.subject}</p>
  ${row.code ? html`<p class="code">${row.code}</p>` : ''}
  <pre>${row.body}</pre>
  ${(row.body.match(LINK) ?? []).map(link => html`<p class="link"><a href="${link}">${link.length > 60 ? `${link.slice(0, 60)}…` : link}</a></p>`)}
</li>`)
      return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${deps.config.applicationName} dev inbox</title>
<style>${raw('body{font:15px system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}ul{list-style:none;padding:0}li{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}.meta{color:#666;font-size:13px;margin:0}.subject{font-weight:600}.code{font:600 28px ui-monospace,monospace;letter-spacing:.2em;margin:.25rem 0}.link{margin:.25rem 0;overflow-wrap:anywhere}pre{white-space:pre-wrap;color:#333}')}</style>
</head><body><h1>Dev inbox</h1>
<p>Mail and SMS this server would have sent, newest first (reload to refresh). JSON: <a href="inbox.json">inbox.json</a>.</p>
${rows.length ? html`<ul>${items}</ul>` : html`<p>No messages yet.</p>`}
</body></html>`)
    })
}
