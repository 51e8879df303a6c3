/** Password length limits, shared by the form schemas and the password policy. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
