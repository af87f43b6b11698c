/**
 * The Account Detail checks of the XOi Integration Setup: the two passwords must match (as in Schedule), and ours
 * also refuses an empty or whitespace-only password and one over the server's limit. Messages never repeat the
 * password.
 */
export type PasswordField = 'password' | 'confirmPassword';

export interface PasswordProblem {
  field: PasswordField;
  code: 'PASSWORD_EMPTY' | 'PASSWORD_TOO_LONG' | 'PASSWORD_MISMATCH';
  message: string;
}

export function checkIntegrationPassword(
  password: string,
  confirmPassword: string,
  maxLength: number,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.trim() === '') {
    problems.push({
      field: 'password',
      code: 'PASSWORD_EMPTY',
      message: 'Enter a password: it cannot be empty or only spaces.',
    });
  } else if (password.length > maxLength) {
    problems.push({
      field: 'password',
      code: 'PASSWORD_TOO_LONG',
      message: `The password is too long: the server allows at most ${maxLength} characters.`,
    });
  }
  if (password !== confirmPassword && confirmPassword !== '') {
    problems.push({ field: 'confirmPassword', code: 'PASSWORD_MISMATCH', message: "The passwords don't match." });
  } else if (confirmPassword === '' && password.trim() !== '') {
    problems.push({
      field: 'confirmPassword',
      code: 'PASSWORD_MISMATCH',
      message: "The passwords don't match: enter the password again to confirm it.",
    });
  }
  return problems;
}

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Very weak' | 'Weak' | 'Fair' | 'Strong' | 'Very strong';
  hint: string;
}

const LABELS: PasswordStrength['label'][] = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/** A rough strength hint: length and variety. It advises; it never blocks. */
export function passwordStrength(password: string): PasswordStrength {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  let score = 0;
  if (password.length >= 8) score++;
  if (password.length >= 12) score++;
  if (password.length >= 16) score++;
  if (classes >= 3) score++;
  if (/^(.)\1+$/.test(password) || /^(password|123456|qwerty)/i.test(password)) score = 0;
  const bounded = Math.min(4, score) as PasswordStrength['score'];
  const hint =
    bounded >= 3
      ? 'Good: long and varied.'
      : password.length < 12
        ? 'Use at least 12 characters.'
        : 'Mix upper and lower case, digits and symbols.';
  return { score: bounded, label: LABELS[bounded] ?? 'Very weak', hint };
}
