// Child process: lists `limit` sessions with each() and reports the peak RSS of this process.
import { createProxyClient } from '../src/index.js';
import { ACCOUNT, SERVICE, TOKEN } from './contenders.js';

const [origin, limit, pageSize] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const client = createProxyClient({ accountSid: ACCOUNT, authToken: TOKEN, baseUrl: origin });
let n = 0;
for await (const s of client.sessions.each(SERVICE, { pageSize, limit })) if (s.sid) n++;
process.send!({ count: n, maxRssMb: process.resourceUsage().maxRSS / 1024 });
