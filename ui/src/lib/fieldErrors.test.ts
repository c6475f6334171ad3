import { describe, expect, it } from 'vitest';
import { draft } from '../test/builders';
import { describeField, errorsByField, shiftAfterRemoval } from './fieldErrors';

describe('errorsByField', () => {
  it('groups messages under their field path', () => {
    const errors = errorsByField([
      { field: 'profile.name', message: 'Name is required.' },
      { field: 'risk.scenarios.2.likelihood', message: 'Likelihood must be between 1 and 5, not 6.' },
      { field: 'profile.name', message: 'Name is longer than 200 characters.' },
    ]);
    expect(errors['profile.name']).toHaveLength(2);
    expect(errors['risk.scenarios.2.likelihood']).toEqual(['Likelihood must be between 1 and 5, not 6.']);
  });
});

describe('describeField', () => {
  it('names fields as the form does, with the failure mode for risk rows', () => {
    const d = draft();
    expect(describeField('profile.name')).toBe('Name');
    expect(describeField('risk.lock_in.level')).toBe('Lock-in level');
    expect(describeField('risk.scenarios.1.likelihood', d)).toBe('Risk profile, Degradation: likelihood');
    expect(describeField('risk.scenarios.5.mode', d)).toBe('Risk profile, row 6: name');
    expect(describeField('risk.alternatives.0.name')).toBe('Alternative 1: name');
    expect(describeField('something.unknown')).toBe('something.unknown');
  });
});

describe('shiftAfterRemoval', () => {
  it('keeps every message under its row when an earlier row is removed', () => {
    const shifted = shiftAfterRemoval(
      {
        'risk.alternatives.0.name': ['first'],
        'risk.alternatives.1.name': ['second'],
        'risk.alternatives.2.name': ['third'],
        'profile.name': ['name'],
      },
      'risk.alternatives',
      1,
    );
    expect(shifted).toEqual({
      'risk.alternatives.0.name': ['first'],
      'risk.alternatives.1.name': ['third'],
      'profile.name': ['name'],
    });
  });
});
