/**
 * Reading request bodies without letting one request take the emulator down: a size limit
 * (checked on Content-Length before reading, and while reading), answered 413; and a nesting
 * limit for JSON, checked by a linear scan before JSON.parse, so `[[[[…` a megabyte deep is a
 * clear 400 instead of a stack overflow, a 500 and hundreds of megabytes.
 */
import type { IncomingMessage } from 'node:http';

/** The body is larger than the route accepts; answered 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body is JSON nested deeper than the route accepts; answered 400. */
export class JsonTooDeepError extends Error {
  constructor(readonly limit: number) {
    super(`The request body nests objects and lists more than ${limit} levels deep.`);
    this.name = 'JsonTooDeepError';
  }
}

/** Deepest JSON nesting any route needs (a control body is 3 levels, an API body 2); far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** Reads the whole body (chunked or not), refusing one over `limit` bytes before or while reading it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain without keeping it
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** The deepest nesting of `{`/`[` in JSON text (strings skipped); stops counting past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** JSON.parse after the nesting check; throws JsonTooDeepError or JSON.parse's SyntaxError. */
export function parseJsonWithin(text: string, limit = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, limit) > limit) throw new JsonTooDeepError(limit);
  return JSON.parse(text);
}
