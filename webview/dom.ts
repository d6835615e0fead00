/** A few lines of DOM building, so the form's code reads as the page it makes. */

/** Attributes and properties of an element: strings and numbers become attributes, booleans add or omit one, functions listen. */
export type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** A child: an element, text, or nothing. */
export type Child = Node | string | false | undefined | null;

/** `h('vscode-button', { id: 'plan', click: … }, 'Plan')`. */
export function h(tag: string, props: Props = {}, ...children: Array<Child | Child[]>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * Replaces the page's content with `next`, but keeps the element that has the focus (matched by
 * id) in place of its new twin, so typing in a field is not interrupted when the host sends the
 * whole state back after each key.
 */
export function replaceKeepingFocus(root: HTMLElement, next: HTMLElement): void {
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.id !== '' && root.contains(document.activeElement) ? document.activeElement : undefined;
  if (focused !== undefined) {
    const twin = next.querySelector(`#${CSS.escape(focused.id)}`);
    if (twin !== null && twin.tagName === focused.tagName) {
      // The new attributes (error state, options) apply; the value being typed stays.
      for (const attribute of [...twin.attributes]) if (attribute.name !== 'value') focused.setAttribute(attribute.name, attribute.value);
      for (const attribute of [...focused.attributes]) if (!twin.hasAttribute(attribute.name) && attribute.name !== 'value' && attribute.name !== 'tabindex') focused.removeAttribute(attribute.name);
      focused.replaceChildren(...twin.childNodes);
      twin.replaceWith(focused);
    }
  }
  root.replaceChildren(...next.childNodes);
  if (focused !== undefined && root.contains(focused)) focused.focus();
}
