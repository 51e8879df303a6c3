// A bare Fastify route, the baseline each HTTP measurement is compared with, in a process of its own.
import Fastify from 'fastify';

const app = Fastify();
app.get('/bare', async () => ({
  status: 'ok',
  items: Array.from({ length: 10 }, (_, i) => ({ id: i, name: `Item ${i}` })),
}));
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
