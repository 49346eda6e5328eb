import { accountRepositoryContract } from './contracts/account-repository.contract';
import { orderRepositoryContract } from './contracts/order-repository.contract';
import { productRepositoryContract } from './contracts/product-repository.contract';
import { roleRepositoryContract } from './contracts/role-repository.contract';
import { unitOfWorkContract } from './contracts/unit-of-work.contract';
import { userRepositoryContract } from './contracts/user-repository.contract';
import { createInMemoryRepositories } from './in-memory-repositories';
import { InMemoryStore } from './in-memory-store';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work';

// The fakes must keep the same promises as the Prisma adapters, or tests written against them lie.
async function makeInMemorySubject() {
  const store = new InMemoryStore();
  const repositories = createInMemoryRepositories(store);
  return {
    ...repositories,
    repositories,
    unitOfWork: new InMemoryUnitOfWork(store),
    cleanup: async () => {},
  };
}

userRepositoryContract('in-memory', makeInMemorySubject);
roleRepositoryContract('in-memory', makeInMemorySubject);
productRepositoryContract('in-memory', makeInMemorySubject);
orderRepositoryContract('in-memory', makeInMemorySubject);
accountRepositoryContract('in-memory', makeInMemorySubject);
unitOfWorkContract('in-memory', makeInMemorySubject);
