// In-memory fakes
export { AsyncMutex } from './async-mutex';
export { InMemoryStore, userRoleKey, type StoreSnapshot, type UserRoleRecord } from './in-memory-store';
export { InMemoryRepository, type InMemoryRepositoryOptions } from './in-memory-repository.base';
export { InMemoryUserRepository } from './in-memory-user.repository';
export { InMemoryRoleRepository } from './in-memory-role.repository';
export { InMemoryProductRepository } from './in-memory-product.repository';
export { rankProduct, searchWords } from './in-memory-product-search';
export { InMemoryOrderRepository } from './in-memory-order.repository';
export { InMemoryAccountRepository } from './in-memory-account.repository';
export { createInMemoryRepositories } from './in-memory-repositories';
export { InMemoryUnitOfWork } from './in-memory-unit-of-work';
export { InMemoryExclusiveJobs } from './in-memory-exclusive-jobs';

// Object mothers
export { RandomMother } from './mothers/random.mother';
export { MoneyMother } from './mothers/money.mother';
export { UserMother, type UserOverrides } from './mothers/user.mother';
export { ProductMother, type ProductOverrides } from './mothers/product.mother';
export { OrderMother, type OrderOverrides } from './mothers/order.mother';

// Contract suites: run them against every implementation of a port
export {
  expectDomainError,
  rejectionOf,
  walkCursorPages,
  walkOffsetPages,
  type ContractSubject,
} from './contracts/contract-helpers';
export {
  userRepositoryContract,
  type UserRepositoryContractSubject,
} from './contracts/user-repository.contract';
export {
  roleRepositoryContract,
  type RoleRepositoryContractSubject,
} from './contracts/role-repository.contract';
export {
  productRepositoryContract,
  type ProductRepositoryContractSubject,
} from './contracts/product-repository.contract';
export {
  orderRepositoryContract,
  type OrderRepositoryContractSubject,
} from './contracts/order-repository.contract';
export {
  accountRepositoryContract,
  type AccountRepositoryContractSubject,
} from './contracts/account-repository.contract';
export { unitOfWorkContract, type UnitOfWorkContractSubject } from './contracts/unit-of-work.contract';
export { InMemorySessionRepository } from './in-memory-session.repository';
export {
  sessionRepositoryContract,
  type SessionRepositoryContractSubject,
} from './contracts/session-repository.contract';
