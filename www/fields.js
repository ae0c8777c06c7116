// Labelled number fields with an error message of their own: the message is
// tied to the field with aria-describedby and the field marked aria-invalid.
import { h } from './dom.js';

/**
 * A number field: `key` names it (the label's string key and the option the
 * API reports in its errors), `id` is its element id, `part` its ::part() name.
 */
export function numberField(key, id, part, { min = '0', max = null, step = 'any', value = '', inputmode = 'decimal' } = {}) {
  const label = h('label', { for: id });
  const input = h('input', { id, type: 'number', min, max, step, inputmode, part: `field ${part}`, autocomplete: 'off' });
  if (value !== '') input.value = value;
  const error = h('p', { id: `${id}-error`, class: 'error', part: 'field-error', hidden: true });
  const box = h('div', { class: 'field' }, label, input, error);
  return {
    key,
    label,
    input,
    error,
    box,
    /** null when empty, NaN when not a number, else the number. */
    read() {
      if (input.validity.badInput) return Number.NaN;
      const text = input.value.trim();
      return text === '' ? null : Number(text);
    },
    /** Shows `message` next to the field, or clears it with null. */
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    },
  };
}

/** The option named between backticks in an API error (`` invalid option `level`: … ``), or null. */
export function fieldOfError(error) {
  const match = /`(\w+)`/.exec(String(error?.message ?? error));
  return match ? match[1] : null;
}
