// `node --import tsx src/seed-admin.ts`, run by the start command after the seed: makes sure the
// demo admin exists and prints its generated password the one time it is created. Not for
// production databases; it lives here because hashing with argon2 is the API's business.
import { PrismaUnitOfWork, createPrismaRepositories } from '@stratum/adapters';
import { createDatabase } from '@stratum/prisma';
import { loadEnvFile } from '@stratum/prisma/env-file';
import { Argon2PasswordHasher } from './auth/password-hasher';
import {
  DEFAULT_DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_OPENING_BALANCE,
  ensureDemoAdmin,
} from './bootstrap/demo-admin';
import { systemClock } from './config/clock';

loadEnvFile();
const database = createDatabase();
try {
  const outcome = await ensureDemoAdmin({
    users: createPrismaRepositories(database.prisma).users,
    unitOfWork: new PrismaUnitOfWork(database.prisma),
    hasher: new Argon2PasswordHasher(),
    clock: systemClock,
    email: process.env.DEMO_ADMIN_EMAIL || DEFAULT_DEMO_ADMIN_EMAIL,
  });
  if (outcome.created) {
    console.log(
      [
        '[seed-admin] demo admin created. The password is shown this once and stored only as a hash:',
        `  email:    ${outcome.email}`,
        `  password: ${outcome.password}`,
        `  account:  ${outcome.accountId} (${DEMO_ADMIN_OPENING_BALANCE.toString()}, to try transfers)`,
      ].join('\n'),
    );
  } else {
    console.log(`[seed-admin] demo admin ${outcome.email} already present`);
  }
} finally {
  await database.close();
}
