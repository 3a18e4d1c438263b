/** As GOV.UK Frontend's setFocus: make an element focusable for as long as it has focus. */
export function setFocus(
  element: HTMLElement,
  options: { onBeforeFocus?: () => void; onBlur?: () => void } = {},
): void {
  const isFocusable = element.getAttribute('tabindex');
  if (!isFocusable) element.setAttribute('tabindex', '-1');
  const onBlur = () => {
    options.onBlur?.();
    if (!isFocusable) element.removeAttribute('tabindex');
  };
  element.addEventListener('blur', onBlur, { once: true });
  options.onBeforeFocus?.();
  element.focus();
}

export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
