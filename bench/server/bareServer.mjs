// The baseline: a bare node:http server answering every request with a small JSON body, the floor of
// what any Node HTTP server can do on this machine. Prints `listening <port>` once ready.
import { createServer } from 'node:http'
import process from 'node:process'

const body = JSON.stringify({ object: 'token', jwt: 'x'.repeat(600) })
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
process.once('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
