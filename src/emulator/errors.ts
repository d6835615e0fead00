/** The errors the emulator answers with, in Alibaba Cloud's own codes and messages. */
import { statusForCode } from './constants';

/** An error response: `{RequestId, HostId, Code, Message, Recommend}` with `status`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? statusForCode(code);
  }
}

/** `MissingParameter` with the gateway's exact sentence. */
export function missingParameter(name: string): ApiError {
  return new ApiError('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

/** `InvalidParameter` naming the parameter and what is wrong with it. */
export function invalidParameter(name: string, problem: string): ApiError {
  return new ApiError('InvalidParameter', `The specified parameter "${name}" is not valid: ${problem}`);
}

/** `<code>` (a `*.NotFound`) saying which id was not found. */
export function notFound(code: string, what: string, id: string): ApiError {
  return new ApiError(code, `The specified ${what} "${id}" does not exist.`);
}
