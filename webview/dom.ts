/** A few lines of DOM building, so the form's code reads as the page it makes, and a small morph to update it in place. */

/** Attributes and properties of an element: strings and numbers become attributes, booleans add or omit one, functions listen. */
export type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** A child: an element, text, or nothing. */
export type Child = Node | string | false | undefined | null;

/** The attributes this code set on an element (custom elements add their own, which a morph must leave alone). */
const OWN = new WeakMap<Element, Set<string>>();

/** Properties that follow their attribute (the elements read them as properties once connected). */
const LIVE_PROPERTIES = ['value', 'checked'] as const;

/** `h('vscode-button', { id: 'plan', click: … }, 'Plan')`. */
export function h(tag: string, props: Props = {}, ...children: Array<Child | Child[]>): HTMLElement {
  const element = document.createElement(tag);
  const own = new Set<string>();
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name, value);
    else {
      element.setAttribute(name, value === true ? '' : String(value));
      own.add(name);
    }
  }
  OWN.set(element, own);
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  if (own.has('value')) (element as HTMLInputElement).value = element.getAttribute('value')!;
  if (tag.endsWith('checkbox') || tag.endsWith('radio')) (element as HTMLInputElement).checked = own.has('checked');
  return element;
}

/** Same element kind and id: one can be updated into the other (listeners are keyed by id, so they stay right). */
function same(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (!(a instanceof Element)) return true;
  const other = b as Element;
  if (a.tagName !== other.tagName || a.id !== other.id) return false;
  return a.id !== '' || !hasListeners(other);
}

/** Elements built with listeners but no id are replaced rather than updated (their handlers may differ). */
function hasListeners(element: Element): boolean {
  return /^vscode-(button|checkbox|radio-group|textfield|single-select)$/i.test(element.tagName);
}

function morphElement(from: Element, to: Element): void {
  const before = OWN.get(from) ?? new Set<string>();
  const after = OWN.get(to) ?? new Set<string>();
  const focused = from === document.activeElement;
  for (const name of after) {
    const value = to.getAttribute(name)!;
    if (name === 'value' && focused) continue; // the person is typing there
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
  for (const name of before) if (!after.has(name)) from.removeAttribute(name);
  OWN.set(from, after);
  for (const property of LIVE_PROPERTIES) {
    if (property === 'value' && (focused || !after.has('value'))) continue;
    const input = from as HTMLInputElement;
    if (property === 'checked' && !(from.tagName.endsWith('CHECKBOX') || from.tagName.endsWith('RADIO'))) continue;
    const wanted = property === 'checked' ? after.has('checked') : to.getAttribute('value')!;
    if (input[property] !== wanted) (input as unknown as Record<string, unknown>)[property] = wanted;
  }
  morphChildren(from, to);
}

/** Updates `from`'s children into `to`'s, keeping every element that stays (and so the focus and the caret). */
export function morphChildren(from: Node, to: Node): void {
  const olds = [...from.childNodes];
  const news = [...to.childNodes];
  news.forEach((next, index) => {
    const old = olds[index];
    if (old === undefined) from.appendChild(next);
    else if (!same(old, next)) from.replaceChild(next, old);
    else if (old instanceof Element) morphElement(old, next as Element);
    else if (old.textContent !== next.textContent) old.textContent = next.textContent;
  });
  for (const old of olds.slice(news.length)) old.remove();
}
