// A provider's money at risk, read once for its page, and the small form that overrides one of
// its ranges. The page makes a fresh one whenever it reads the provider again (a save can change
// the scores, spend or alternatives the defaults come from); an override answers with the new
// figures, which replace the old ones in place.
import type { MoneyInputField } from './bindings/MoneyInputField';
import type { MoneyInputOverride } from './bindings/MoneyInputOverride';
import type { ProviderMoney } from './bindings/ProviderMoney';
import { parseOptionalNumber } from './draft';
import { errorsByField, type FieldErrors } from './fieldErrors';
import { call, toCommandError } from './ipc';

export interface ProviderMoneyState {
  readonly money: ProviderMoney | null;
  readonly error: string | null;
  reload: () => Promise<void>;
  /** The answer of an override or its removal: the figures it gives. */
  apply: (next: ProviderMoney) => void;
}

export function providerMoney(id: number): ProviderMoneyState {
  let money = $state.raw<ProviderMoney | null>(null);
  let error = $state<string | null>(null);
  async function reload() {
    try {
      money = await call('get_provider_money', { id });
      error = null;
    } catch (e) {
      error = toCommandError(e).message;
    }
  }
  void reload();
  return {
    get money() {
      return money;
    },
    get error() {
      return error;
    },
    reload,
    apply: (next) => (money = next),
  };
}

/** Where Rust names an override's fields: `money.<provider>.<mode>.<field>`. */
export function overridePath(providerId: number, mode: string, field: MoneyInputField): string {
  return `money.${providerId}.${mode}.${field}`;
}

export interface OverrideForm {
  readonly path: string;
  low: string;
  high: string;
  note: string;
  readonly errors: FieldErrors;
  readonly busy: boolean;
  /** Whether the user's figure is in place now, so "Back to default" has something to undo. */
  readonly overridden: boolean;
  save: () => Promise<boolean>;
  reset: () => Promise<boolean>;
}

/**
 * The override of one range: low and high as typed (either may stay empty, keeping the default's
 * end) and the note that says why. Saves through Rust, whose refusals land under their fields.
 */
export function overrideForm(
  providerId: number,
  mode: string,
  field: MoneyInputField,
  current: MoneyInputOverride | null,
  onsaved: (money: ProviderMoney) => void,
): OverrideForm {
  const path = overridePath(providerId, mode, field);
  const text = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  let low = $state(text(current?.low));
  let high = $state(text(current?.high));
  let note = $state(current?.note ?? '');
  let errors = $state<FieldErrors>({});
  let busy = $state(false);

  function check(): { low: number | null; high: number | null } | null {
    const found: FieldErrors = {};
    const l = parseOptionalNumber(low);
    const h = parseOptionalNumber(high);
    if (!l.ok) found[`${path}.low`] = ['Enter a number, or leave it empty to keep the default.'];
    if (!h.ok) found[`${path}.high`] = ['Enter a number, or leave it empty to keep the default.'];
    if (l.ok && h.ok && l.value === null && h.value === null) found[path] = ['Give the low end, the high end or both.'];
    if (note.trim() === '') found[`${path}.note`] = ['Say why this figure, so the next reader knows where it came from.'];
    errors = found;
    return Object.keys(found).length === 0 ? { low: l.value, high: h.value } : null;
  }

  async function run(action: () => Promise<ProviderMoney>): Promise<boolean> {
    busy = true;
    try {
      onsaved(await action());
      errors = {};
      return true;
    } catch (e) {
      const err = toCommandError(e);
      errors = err.kind === 'validation' && err.fields.length > 0 ? errorsByField(err.fields) : { [path]: [err.message] };
      return false;
    } finally {
      busy = false;
    }
  }

  return {
    path,
    get low() {
      return low;
    },
    set low(v) {
      low = v;
    },
    get high() {
      return high;
    },
    set high(v) {
      high = v;
    },
    get note() {
      return note;
    },
    set note(v) {
      note = v;
    },
    get errors() {
      return errors;
    },
    get busy() {
      return busy;
    },
    get overridden() {
      return current !== null;
    },
    async save() {
      const values = check();
      if (!values || busy) return false;
      return run(() => call('set_money_override', { value: { provider_id: providerId, mode, field, ...values, note: note.trim() } }));
    },
    async reset() {
      if (busy) return false;
      return run(() => call('delete_money_override', { provider: providerId, mode, field }));
    },
  };
}
