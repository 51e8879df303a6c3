// A mailbox for the end-to-end tests: a real SMTP server that keeps what the app sends, and the
// messages as JSON over HTTP (GET /messages) so a test can follow a link from an email.
import { createServer } from 'node:http';
import { startSmtpCapture } from '../src/server/email/smtp-testing.ts';

const httpPort = Number(process.argv[2]);
const smtpPort = Number(process.argv[3]);
const smtp = await startSmtpCapture(smtpPort);
createServer((request, response) => {
  if (request.url !== '/messages') {
    response.writeHead(request.url === '/health' ? 200 : 404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(smtp.messages.map(({ raw: _raw, ...m }) => m)));
}).listen(httpPort, '127.0.0.1');
