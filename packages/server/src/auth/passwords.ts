/** Password hashing lives with the user commands; the server's login uses the same functions. */
export {
  checkPassword,
  hashPassword,
  minPasswordLength,
  prepareDummyHash,
} from '@corridor/commands';
