/** What a username and a password must look like: defined with the user commands. */
export {
  checkNewCredentials,
  checkNewPassword,
  NewPasswordSchema,
  UsernameSchema,
} from '@corridor/commands';
