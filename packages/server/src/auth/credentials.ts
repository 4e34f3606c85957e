/** What a username and a password must look like: defined with the user commands. */
export { checkNewCredentials, NewPasswordSchema, UsernameSchema } from '@corridor/commands';
