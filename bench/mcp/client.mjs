// MCP load client for bench/mcp/run.sh (Node 18+, no dependencies).
//   node client.mjs latency <target> <c> <seconds> [warmup-seconds]
//     target: stdio:<command ...>   a server started by this client, one connection, c requests
//                                    in flight on it (as the gateway multiplexes its stdio server)
//             http:<url>[@<key>]     Streamable HTTP (direct to a server or the gateway), one
//                                    session per worker; <key> is sent as a bearer token
//     env TOOL (tool name, default echo), MESSAGE (the echo text)
//     prints: RESULT n=… rps=… p50_ms=… p99_ms=… errors=…
//   node client.mjs sessions <url> <key> <pid> <count,count,…>
//     opens sessions (initialize + notifications/initialized) until each count is reached and
//     prints the RSS of process <pid> then: SESSIONS n=… rss_mb=…; env STREAMS=1 also holds each
//     session's GET notification stream open.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const PROTOCOL = '2025-06-18';
const INIT = {
  protocolVersion: PROTOCOL,
  capabilities: {},
  clientInfo: { name: 'polder-bench', version: '1' },
};
const TOOL = process.env.TOOL || 'echo';
const MESSAGE = process.env.MESSAGE || 'hello from the bench, nothing personal in here';

class StdioSession {
  constructor(command) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    this.pending = new Map();
    this.nextId = 1;
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      const done = this.pending.get(msg.id);
      if (done) {
        this.pending.delete(msg.id);
        done(msg);
      }
    });
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }
  async open() {
    await this.request('initialize', INIT);
    this.child.stdin.write(
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
    return this;
  }
  close() {
    this.child.kill();
  }
}

class HttpSession {
  constructor(url, key) {
    this.url = url;
    this.key = key;
    this.nextId = 1;
    this.session = null;
  }
  headers() {
    const h = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    if (this.key) h.authorization = 'Bearer ' + this.key;
    if (this.session) {
      h['mcp-session-id'] = this.session;
      h['mcp-protocol-version'] = PROTOCOL;
    }
    return h;
  }
  async post(body) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!this.session && res.headers.get('mcp-session-id')) {
      this.session = res.headers.get('mcp-session-id');
    }
    if (body.id === undefined) return null;
    if ((res.headers.get('content-type') || '').includes('text/event-stream')) {
      // The response is the data line that carries our id (progress may come before it).
      for (const line of text.split('\n')) {
        if (!line.startsWith('data:')) continue;
        const msg = JSON.parse(line.slice(5));
        if (msg.id === body.id) return msg;
      }
      throw new Error('no response in the event stream: ' + text.slice(0, 200));
    }
    if (!res.ok && !text) throw new Error('HTTP ' + res.status);
    return JSON.parse(text);
  }
  request(method, params) {
    return this.post({ jsonrpc: '2.0', id: this.nextId++, method, params });
  }
  async open() {
    const init = await this.request('initialize', INIT);
    if (init.error) throw new Error('initialize: ' + JSON.stringify(init.error));
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return this;
  }
  async holdStream() {
    const res = await fetch(this.url, { method: 'GET', headers: { ...this.headers(), accept: 'text/event-stream' } });
    this.stream = res.body.getReader();
    this.stream.read().catch(() => {});
  }
  close() {}
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(target, c, seconds, warmup) {
  const sessions = [];
  if (target.startsWith('stdio:')) {
    const shared = await new StdioSession(target.slice(6).split(' ')).open();
    for (let i = 0; i < c; i++) sessions.push(shared);
  } else {
    let rest = target.slice(5);
    let key = null;
    const at = rest.lastIndexOf('@');
    if (at > 0) {
      key = rest.slice(at + 1);
      rest = rest.slice(0, at);
    }
    for (let i = 0; i < c; i++) sessions.push(await new HttpSession(rest, key).open());
  }
  const params = { name: TOOL, arguments: { message: MESSAGE } };
  let errors = 0;
  let firstError = null;
  const times = [];
  async function worker(session, until, record) {
    while (performance.now() < until) {
      const start = performance.now();
      let answer;
      try {
        answer = await session.request('tools/call', params);
      } catch (e) {
        answer = { error: { message: String(e) } };
      }
      const ms = performance.now() - start;
      if (!record) continue;
      if (answer.error || answer.result?.isError) {
        errors++;
        firstError ??= JSON.stringify(answer.error || answer.result).slice(0, 300);
      } else {
        times.push(ms);
      }
    }
  }
  if (warmup > 0) {
    const until = performance.now() + warmup * 1000;
    await Promise.all(sessions.map((s) => worker(s, until, false)));
  }
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(sessions.map((s) => worker(s, until, true)));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `RESULT n=${times.length} rps=${(times.length / elapsed).toFixed(0)} ` +
      `p50_ms=${percentile(times, 50).toFixed(3)} p99_ms=${percentile(times, 99).toFixed(3)} ` +
      `errors=${errors}` + (firstError ? ` first_error=${firstError}` : ''));
  new Set(sessions).forEach((s) => s.close());
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

async function sessions(url, key, pid, counts) {
  const held = [];
  console.log(`SESSIONS n=0 rss_mb=${rssMb(pid)}`);
  let failures = 0;
  for (const target of counts) {
    while (held.length < target) {
      const batch = [];
      for (let i = 0; i < 32 && held.length + batch.length < target; i++) {
        batch.push(
          new HttpSession(url, key).open().then(async (s) => {
            if (process.env.STREAMS === '1') await s.holdStream();
            return s;
          }));
      }
      for (const r of await Promise.allSettled(batch)) {
        if (r.status === 'fulfilled') held.push(r.value);
        else if (++failures === 1) console.log('first failure: ' + r.reason);
      }
      if (failures > 100) {
        console.log(`SESSIONS stopped at n=${held.length}: ${failures} failures`);
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    console.log(`SESSIONS n=${held.length} rss_mb=${rssMb(pid)}`);
  }
  // The sessions answer still: one call on the first and the last.
  for (const s of [held[0], held[held.length - 1]]) {
    const pong = await s.request('ping', {});
    if (pong.error) console.log('ping failed: ' + JSON.stringify(pong.error));
  }
  process.exit(0);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'latency') {
  await latency(args[0], Number(args[1]), Number(args[2]), Number(args[3] || 0));
  process.exit(0);
} else if (mode === 'sessions') {
  await sessions(args[0], args[1], args[2], args[3].split(',').map(Number));
} else {
  console.error('usage: client.mjs latency <target> <c> <seconds> [warmup] | sessions <url> <key> <pid> <counts>');
  process.exit(2);
}
