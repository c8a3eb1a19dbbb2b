/**
 * A real SMTP server on loopback (the `smtp-server` package) whose faults a
 * test chooses: refuse the greeting with 421, reject a recipient with 550,
 * drop the connection in the middle of DATA, stall past the client's
 * timeout, or run a hook (e.g. kill the sender) before accepting a message.
 * A message counts as delivered only once the server has answered 250 on a
 * connection still open, as a real mailbox would.
 */
import { createServer, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface FaultPlan {
  /** Answer 421 to the first N connections, then accept. */
  greet421?: number;
  /** Recipients answered with 550 (lower case). */
  rejectRecipients?: string[];
  /** Drop the connection after the first chunk of DATA for the first N messages. */
  dropDuringData?: number;
  /**
   * For the first N messages, take the whole message (it counts as received:
   * the server may deliver it) and then drop the connection without a reply,
   * as when the reply is lost after DATA.
   */
  loseReplyAfterData?: number;
  /** Never answer RCPT TO for the first N recipients (the client's timeout must fire). */
  stallRcpt?: number;
  /** Called with the message's number (from 1) once its DATA is in, before the server answers. */
  beforeAccept?: (n: number, raw: Buffer) => Promise<void> | void;
}

export interface ReceivedMessage {
  raw: Buffer;
  from: string;
  to: string[];
}

export interface FaultServer {
  port: number;
  url: string;
  /** Messages accepted (250 sent on an open connection). */
  received: ReceivedMessage[];
  /** Connections made, faults served. */
  counts: {
    connections: number;
    dataStarted: number;
    dropped: number;
    stalled: number;
    greeted421: number;
    repliesLost: number;
  };
  stop(): Promise<void>;
}

class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

export async function startFaultServer(plan: FaultPlan = {}): Promise<FaultServer> {
  const received: ReceivedMessage[] = [];
  const counts = { connections: 0, dataStarted: 0, dropped: 0, stalled: 0, greeted421: 0, repliesLost: 0 };
  const sockets = new Map<string, Socket>();
  const stalled: Array<() => void> = [];
  const key = (session: SMTPServerSession): string => `${session.remoteAddress}:${session.remotePort}`;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 50,
    onConnect(session, callback) {
      counts.connections += 1;
      if (counts.greeted421 < (plan.greet421 ?? 0)) {
        counts.greeted421 += 1;
        callback(new SmtpReply('4.3.2 Service temporarily unavailable, try again later', 421));
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (counts.stalled < (plan.stallRcpt ?? 0)) {
        counts.stalled += 1;
        stalled.push(() => callback(new SmtpReply('4.4.2 too late', 451)));
        return; // no answer: the client times out
      }
      if (plan.rejectRecipients?.includes(address.address.toLowerCase())) {
        callback(new SmtpReply(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`, 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      counts.dataStarted += 1;
      const socket = sockets.get(key(session));
      const chunks: Buffer[] = [];
      const drop = counts.dropped < (plan.dropDuringData ?? 0);
      if (drop) counts.dropped += 1;
      let dropped = false;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (drop && !dropped) {
          dropped = true;
          socket?.destroy();
        }
      });
      stream.on('end', () => {
        void (async () => {
          if (dropped) return;
          const raw = Buffer.concat(chunks);
          const n = received.length + 1;
          await plan.beforeAccept?.(n, raw);
          if (!socket || socket.destroyed) {
            callback(new SmtpReply('connection gone', 451));
            return;
          }
          received.push({
            raw,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          if (counts.repliesLost < (plan.loseReplyAfterData ?? 0)) {
            counts.repliesLost += 1;
            socket.destroy(); // taken, but the client never hears so
            return;
          }
          callback();
        })();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const id = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(id, socket);
    socket.on('close', () => sockets.delete(id));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    counts,
    stop: async () => {
      for (const release of stalled) release();
      for (const socket of sockets.values()) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
