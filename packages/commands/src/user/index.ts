/** User accounts of the API and the web application (M11). */
import type { AnyCommand } from '../define.js';
import { addUser } from './add.js';
import { disableUser } from './disable.js';
import { listUsers } from './list.js';
import { setUserPassword } from './set-password.js';

export { addUser, disableUser, listUsers, setUserPassword };
export {
  checkNewCredentials,
  checkNewPassword,
  NewPasswordSchema,
  UsernameSchema,
} from './credentials.js';
export { commonPasswordCount, isCommonPassword } from './common-passwords.js';
export { checkPassword, hashPassword, minPasswordLength, prepareDummyHash } from './passwords.js';
export { UserOut } from './schemas.js';

/** Every user command, for the command table. */
export const userCommands = [
  listUsers,
  addUser,
  setUserPassword,
  disableUser,
] as unknown as readonly AnyCommand[];
