import { describe, expect, it } from 'vitest';
import { leave, setLeaveGuard } from './leaveGuard';

describe('leave', () => {
  it('goes at once without a guard, and waits for the guard with one', () => {
    let went = 0;
    leave(() => went++);
    expect(went).toBe(1);

    let held: (() => void) | null = null;
    const remove = setLeaveGuard((proceed) => (held = proceed));
    leave(() => went++);
    expect(went).toBe(1);
    held!();
    expect(went).toBe(2);

    remove();
    leave(() => went++);
    expect(went).toBe(3);
  });

  it('removing an old guard leaves a newer one in place', () => {
    const removeOld = setLeaveGuard((proceed) => proceed());
    let asked = false;
    setLeaveGuard(() => (asked = true));
    removeOld();
    leave(() => {});
    expect(asked).toBe(true);
  });
});
