/**
 * Who may call the emulator's API routes. They are signed, but with the seed's well-known keys,
 * so a web page must not reach them either: a browser sends an Origin header (a page's fetch or
 * form post does), and a page that rebinds its DNS name to 127.0.0.1 still sends its own name
 * as Host. Refused, as the control routes refuse them (controlRoutes.ts): any Origin but the
 * emulator's own, and a Host that is neither this machine (127.0.0.1, localhost, [::1], the
 * address bound) nor an Alibaba Cloud product host (`ecs.cn-hangzhou.aliyuncs.com`: what a
 * client sends when it names the product's host and is pointed here, and where a regional API
 * reads its region from), or the two joined as `product-host@this-machine:port` (how a client
 * redirected here keeps naming a ROA product's endpoint: src/cloud/endpoints.ts; no browser
 * sends a Host with user-info). SDK clients send no Origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostName, LOCAL_HOSTS } from './controlRoutes';
import { newRequestId } from './ids';

/** `product[.region].aliyuncs.com`: labels of letters, digits and hyphens. */
const PRODUCT_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+aliyuncs\.com$/;

function allowedNames(boundHost: string | undefined): Set<string> {
  const allowed = new Set(LOCAL_HOSTS);
  if (boundHost !== undefined && boundHost !== '0.0.0.0' && boundHost !== '::')
    allowed.add(hostName(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost));
  return allowed;
}

/** Why an API request is refused (code and message), or undefined when it may be served. */
export function apiRequestRefusal(req: IncomingMessage, boundHost?: string): { code: string; message: string } | undefined {
  const allowed = allowedNames(boundHost);
  const raw = (req.headers.host ?? '').trim().toLowerCase();
  const at = raw.lastIndexOf('@');
  // `maxcompute.<region>.aliyuncs.com@127.0.0.1:PORT`: a product host naming the endpoint, then this machine.
  const named = at < 0 ? undefined : raw.slice(0, at);
  const host = hostName(at < 0 ? raw : raw.slice(at + 1));
  const hostAllowed = named === undefined ? allowed.has(host) || PRODUCT_HOST.test(host) : PRODUCT_HOST.test(named) && allowed.has(host);
  if (!hostAllowed) {
    return {
      code: 'Forbidden.Host',
      message:
        'The emulator answers API requests only for this machine (127.0.0.1, localhost) or an Alibaba Cloud product host (*.aliyuncs.com).',
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost = '';
    try {
      originHost = origin === 'null' ? '' : hostName(new URL(origin).host);
    } catch {
      // unparsable: refused below
    }
    if (!allowed.has(originHost))
      return { code: 'Forbidden.Origin', message: 'The emulator does not answer API requests from web pages of other origins.' };
  }
  return undefined;
}

/** Answers a refused API request with 403 in the API's error shape; true when it did. */
export function refuseForeignApiRequest(req: IncomingMessage, res: ServerResponse, boundHost?: string): boolean {
  const refusal = apiRequestRefusal(req, boundHost);
  if (refusal === undefined) return false;
  // The body is not read: nothing of a refused request is parsed or logged.
  const text = JSON.stringify({ RequestId: newRequestId(), HostId: 'openapi.aliyuncs.com', Code: refusal.code, Message: refusal.message });
  res.writeHead(403, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.end(text);
  req.resume();
  return true;
}
