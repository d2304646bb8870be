import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'

/** One message a client handed over. */
export interface ReceivedMail {
  from: string
  to: string[]
  data: string
}

/** A minimal plain-text SMTP server for tests: accepts every message and keeps it. */
export async function startFakeSmtpServer(): Promise<{ url: string, messages: ReceivedMail[], close: () => Promise<void> }> {
  const messages: ReceivedMail[] = []
  const server = createServer((socket) => {
    let buffer = ''
    let inData = false
    let current: ReceivedMail = { from: '', to: [], data: '' }
    socket.write('220 fake.smtp ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1)
            return
          current.data = buffer.slice(0, end)
          buffer = buffer.slice(end + 5)
          inData = false
          messages.push(current)
          current = { from: '', to: [], data: '' }
          socket.write('250 OK queued\r\n')
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline === -1)
          return
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO')
          socket.write('250 fake.smtp\r\n')
        else if (verb === 'MAIL')
          current.from = line.slice(10)
        else if (verb === 'RCPT')
          current.to.push(line.slice(8))
        if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') {
          socket.write('250 OK\r\n')
        }
        else if (verb === 'DATA') {
          inData = true
          socket.write('354 go ahead\r\n')
        }
        else if (verb === 'QUIT') {
          socket.end('221 bye\r\n')
        }
      }
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
