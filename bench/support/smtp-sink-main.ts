/**
 * The project's SMTP sink (scripts/services/smtp-sink.ts) as a process of its own, so the messages it parses and keeps
 * cost the bench's load generator nothing. Ports from BENCH_SMTP_PORT and BENCH_SMTP_HTTP_PORT.
 */
import { startSmtpSink } from '../../scripts/services/smtp-sink';

startSmtpSink({ smtpPort: Number(process.env.BENCH_SMTP_PORT), httpPort: Number(process.env.BENCH_SMTP_HTTP_PORT) })
  .then((sink) => {
    const stop = () => void sink.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
