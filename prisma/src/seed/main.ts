// `pnpm --filter @stratum/prisma db:seed`: demo data for a developer's database. Safe to run any
// number of times: rows that exist are left as they are.
import { createDatabase } from '../prisma-client';
import { loadEnvFile } from '../env-file.mjs';
import { DEMO_ACCOUNTS, DEMO_CUSTOMER, DEMO_PRODUCTS } from './demo-data';

loadEnvFile();
const database = createDatabase();
try {
  const { prisma } = database;
  const created = await prisma.$transaction(async (tx) => {
    const users = await tx.user.createMany({ data: [DEMO_CUSTOMER], skipDuplicates: true });
    const products = await tx.product.createMany({ data: DEMO_PRODUCTS, skipDuplicates: true });
    const accounts = await tx.account.createMany({ data: DEMO_ACCOUNTS, skipDuplicates: true });
    return users.count + products.count + accounts.count;
  });
  console.log(created ? `[seed] added ${created} demo rows` : '[seed] demo data already present');
} finally {
  await database.close();
}
