import type { AppError } from '../../../shared/contract';
import { checkIntegrationPassword, type PasswordField } from '../../../shared/setup/password-rules';

export const STEPS = [
  'Prerequisites',
  'Account Detail',
  'Integration Details',
  'Active Dynamics Companies',
  'Apply',
] as const;
export const ACCOUNT_STEP = 1;
export const APPLY_STEP = STEPS.length - 1;

export interface AccountValues {
  password: string;
  confirmPassword: string;
}

export type WizardErrors = Partial<Record<PasswordField | 'confirmReplace', string>>;

/** The wizard's whole state: where it is, what was typed, and what is wrong with it. */
export interface WizardState {
  step: number;
  values: AccountValues;
  errors: WizardErrors;
  /** After the first attempt to go on, the fields are checked as they are typed. */
  attempted: boolean;
  /** The administrator confirmed that Apply replaces the current password. */
  confirmReplace: boolean;
  applying: boolean;
  applyError: AppError | null;
}

export type WizardAction =
  | { type: 'edit'; values: AccountValues }
  | { type: 'confirm-replace'; confirmed: boolean }
  | { type: 'back' }
  | { type: 'next' }
  | { type: 'apply-started' }
  | { type: 'apply-failed'; error: AppError }
  | { type: 'applied' };

export interface WizardRules {
  maxLength: number;
  /** The integration is configured already: Apply replaces its password, so it asks first. */
  replacesPassword: boolean;
}

export const initialWizard: WizardState = {
  step: 0,
  values: { password: '', confirmPassword: '' },
  errors: {},
  attempted: false,
  confirmReplace: false,
  applying: false,
  applyError: null,
};

function accountErrors(values: AccountValues, rules: WizardRules): WizardErrors {
  const errors: WizardErrors = {};
  for (const problem of checkIntegrationPassword(values.password, values.confirmPassword, rules.maxLength))
    errors[problem.field] ??= problem.message;
  return errors;
}

function isPasswordField(field: string | undefined): field is PasswordField {
  return field === 'password' || field === 'confirmPassword';
}

/** The wizard's moves. `next` on the Apply step only validates: the page then calls the server (`apply-started`). */
export function wizardReducer(rules: WizardRules) {
  return (state: WizardState, action: WizardAction): WizardState => {
    switch (action.type) {
      case 'edit':
        return {
          ...state,
          values: action.values,
          errors: state.attempted ? { ...accountErrors(action.values, rules) } : state.errors,
        };
      case 'confirm-replace':
        return { ...state, confirmReplace: action.confirmed, errors: { ...state.errors, confirmReplace: undefined } };
      case 'back':
        return { ...state, step: Math.max(0, state.step - 1) };
      case 'next': {
        if (state.step === ACCOUNT_STEP || state.step === APPLY_STEP) {
          const errors = accountErrors(state.values, rules);
          if (Object.keys(errors).length > 0) return { ...state, errors, attempted: true, step: ACCOUNT_STEP };
        }
        if (state.step === APPLY_STEP) {
          if (rules.replacesPassword && !state.confirmReplace)
            return {
              ...state,
              errors: { confirmReplace: 'Confirm that Apply replaces the current password, or go back.' },
            };
          return state;
        }
        return { ...state, step: state.step + 1, attempted: state.attempted || state.step === ACCOUNT_STEP };
      }
      case 'apply-started':
        return { ...state, applying: true, applyError: null };
      case 'apply-failed':
        // The server's refusal of a field goes back to that field; anything else stays on the Apply step.
        if (isPasswordField(action.error.field))
          return {
            ...state,
            applying: false,
            step: ACCOUNT_STEP,
            attempted: true,
            errors: { [action.error.field]: action.error.message },
          };
        return { ...state, applying: false, applyError: action.error };
      case 'applied':
        return initialWizard;
    }
  };
}

/** Whether the wizard, as it stands, may call the server's Apply. */
export function readyToApply(state: WizardState, rules: WizardRules): boolean {
  return (
    state.step === APPLY_STEP &&
    Object.keys(accountErrors(state.values, rules)).length === 0 &&
    (!rules.replacesPassword || state.confirmReplace)
  );
}
