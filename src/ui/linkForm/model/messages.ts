/**
 * The host's check of every message from the webview: its shape against src/shared/protocol.ts.
 * A webview runs page code, so nothing it sends is trusted: a malformed message is described
 * (for the log) and ignored. Pure.
 */
import { FORM_ACTIONS, FORM_FIELDS, type WebviewMessage } from '../../../shared/protocol';

/** The longest text a field may send (a paste of a whole file is not a link name). */
const MAX_TEXT = 1000;

/** The message, or the reason it is refused. */
export function parseWebviewMessage(data: unknown): { message: WebviewMessage } | { problem: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problem: 'not an object' };
  const m = data as Record<string, unknown>;
  const text = (key: string, max = MAX_TEXT): string | undefined =>
    typeof m[key] === 'string' && (m[key] as string).length <= max ? (m[key] as string) : undefined;
  const flag = (key: string): boolean | undefined => (typeof m[key] === 'boolean' ? (m[key] as boolean) : undefined);
  const bad = (what: string): { problem: string } => ({ problem: `${String(m.type)}: ${what}` });
  switch (m.type) {
    case 'ready':
      return { message: { type: 'ready' } };
    case 'setField': {
      const field = FORM_FIELDS.find((f) => f === m.field);
      const value = text('value');
      if (field === undefined) return bad(`unknown field ${JSON.stringify(m.field)}`);
      if (value === undefined) return bad('value is not a string of at most 1000 characters');
      return { message: { type: 'setField', field, value } };
    }
    case 'setTarget':
    case 'setTargetPort':
    case 'setTargetAccess': {
      const key = text('key', 300);
      if (key === undefined) return bad('key is not a string');
      if (m.type === 'setTarget') {
        const selected = flag('selected');
        return selected === undefined ? bad('selected is not a boolean') : { message: { type: 'setTarget', key, selected } };
      }
      if (m.type === 'setTargetPort') {
        const selected = flag('selected');
        const port = m.port;
        if (selected === undefined || typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
          return bad('port or selected is invalid');
        return { message: { type: 'setTargetPort', key, port, selected } };
      }
      if (m.access !== 'whitelist' && m.access !== 'securityGroup') return bad('access is neither whitelist nor securityGroup');
      return { message: { type: 'setTargetAccess', key, access: m.access } };
    }
    case 'confirmWholeInternet': {
      const confirmed = flag('confirmed');
      return confirmed === undefined ? bad('confirmed is not a boolean') : { message: { type: 'confirmWholeInternet', confirmed } };
    }
    case 'action': {
      const action = FORM_ACTIONS.find((a) => a === m.action);
      return action === undefined ? bad(`unknown action ${JSON.stringify(m.action)}`) : { message: { type: 'action', action } };
    }
    case 'copy': {
      const value = text('value', 4000);
      return value === undefined ? bad('value is not a string') : { message: { type: 'copy', value } };
    }
    default:
      return { problem: `unknown message type ${JSON.stringify(m.type)}` };
  }
}
