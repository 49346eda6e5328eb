// Shared kernel
export { DomainError, isDomainError, type DomainErrorCode } from './shared/domain-error';
export {
  ConflictError,
  InvalidStateTransitionError,
  NotFoundError,
  ValidationError,
} from './shared/common.errors';
export { ForbiddenError } from './shared/access.errors';
export { CurrencyMismatchError } from './shared/money.errors';
export { Money, maxMinorForPrecision } from './shared/money';
export { parseCurrency } from './shared/currency';
export { MAX_QUANTITY, parseQuantity } from './shared/quantity';
export { Uuid, isUuid } from './shared/uuid';
export {
  compareNewestFirst,
  decodeCursor,
  encodeCursor,
  isPastCursor,
  type CursorPosition,
} from './shared/cursor';
export {
  CursorPageRequest,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageRequest,
  toCursorPage,
  type CursorPage,
} from './shared/pagination';

// Users
export { UserId } from './users/user-id';
export { Email, MAX_EMAIL_LENGTH } from './users/email';
export { USER_STATUSES, isUserStatus, parseUserStatus, type UserStatus } from './users/user-status';
export { normalizePreferences, type UserPreferences } from './users/user-preferences';
export {
  MAX_USER_NAME_LENGTH,
  User,
  type RegisterUserInput,
  type StoredUser,
  type UserProps,
} from './users/user';
export { EmailTakenError } from './users/user.errors';
export type { UserRepository, UserSearchCriteria } from './users/user.repository.port';

// Roles
export { RoleId } from './roles/role-id';
export { Role, type RoleProps } from './roles/role';
export { PERMISSIONS, type Permission } from './roles/permissions';
export { DEFAULT_ROLES, type RoleDefinition } from './roles/default-roles';
export type { RoleRepository } from './roles/role.repository.port';

// Products
export { ProductId } from './products/product-id';
export {
  MAX_PRODUCT_DESCRIPTION_LENGTH,
  MAX_PRODUCT_NAME_LENGTH,
  MAX_SKU_LENGTH,
  MAX_STOCK,
  Product,
  type CreateProductInput,
  type ProductProps,
  type StoredProduct,
} from './products/product';
export { InsufficientStockError, SkuTakenError } from './products/product.errors';
export type { ProductRepository, ProductSearchHit } from './products/product.repository.port';

// Orders
export { OrderId } from './orders/order-id';
export {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  assertTransition,
  canTransition,
  isOrderStatus,
  parseOrderStatus,
  type OrderStatus,
} from './orders/order-status';
export { lineTotal, type OrderItem } from './orders/order-item';
export {
  MAX_ORDER_LINES,
  normalizeOrderLines,
  parseMaxPending,
  type OrderLine,
  type PlaceOrderInput,
} from './orders/order-line';
export { Order, type OrderProps, type PlaceOrderProps, type StoredOrder } from './orders/order';
export { PendingOrderLimitError } from './orders/order.errors';
export { MAX_EXPIRY_BATCH, requireExpiryBatch } from './orders/expiry-batch';
export type { ExpiredOrders, OrderListOptions, OrderRepository } from './orders/order.repository.port';

// Accounts
export { AccountId } from './accounts/account-id';
export { TransferId } from './accounts/transfer-id';
export { Account, type AccountProps, type OpenAccountInput, type StoredAccount } from './accounts/account';
export {
  MAX_IDEMPOTENCY_KEY_LENGTH,
  Transfer,
  parseIdempotencyKey,
  type TransferCommand,
  type TransferProps,
} from './accounts/transfer';
export { IdempotencyKeyReusedError, InsufficientFundsError } from './accounts/account.errors';
export type { AccountRepository } from './accounts/account.repository.port';

// Transactions
export type { Repositories, UnitOfWork } from './unit-of-work/unit-of-work.port';
export type { ExclusiveJobs, ExclusiveRun, JobRepositories } from './unit-of-work/exclusive-jobs.port';

// Sessions
export { SessionId } from './sessions/session-id';
export { Session, type SessionProps, type StartSessionInput } from './sessions/session';
export type { SessionRepository } from './sessions/session.repository.port';
