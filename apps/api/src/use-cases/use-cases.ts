import type { Repositories, SessionRepository, UnitOfWork } from '@stratum/domain';
import type { LoginRateLimiter } from '../auth/login-rate-limiter';
import type { PasswordHasher } from '../auth/password-hasher';
import type { SignUpRateLimiter } from '../auth/sign-up-rate-limiter';
import type { Clock } from '../config/clock';
import { ChangeOrderStatusUseCase } from './change-order-status/change-order-status.use-case';
import { ChangePasswordUseCase } from './change-password/change-password.use-case';
import { ChangeProfileUseCase } from './change-profile/change-profile.use-case';
import { DeleteUserUseCase } from './delete-user/delete-user.use-case';
import { GrantRoleUseCase } from './grant-role/grant-role.use-case';
import { LogInUseCase } from './log-in/log-in.use-case';
import { LogOutUseCase } from './log-out/log-out.use-case';
import { OpenAccountUseCase } from './open-account/open-account.use-case';
import { PlaceOrderUseCase } from './place-order/place-order.use-case';
import { RegisterUserUseCase } from './register-user/register-user.use-case';
import { RevokeRoleUseCase } from './revoke-role/revoke-role.use-case';
import { TransferFundsUseCase } from './transfer-funds/transfer-funds.use-case';

/** What the use cases are built from: ports, and the collaborators that are not storage. */
export interface UseCaseDependencies {
  /** On the primary: the use cases write, and the reads that decide a write must be current. */
  repositories: Repositories;
  unitOfWork: UnitOfWork;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  loginLimiter: LoginRateLimiter;
  signUpLimiter: SignUpRateLimiter;
  clock: Clock;
  sessionTtlMs: number;
  maxPendingOrdersPerCustomer: number;
}

export interface UseCases {
  placeOrder: PlaceOrderUseCase;
  changeOrderStatus: ChangeOrderStatusUseCase;
  openAccount: OpenAccountUseCase;
  transferFunds: TransferFundsUseCase;
  registerUser: RegisterUserUseCase;
  changeProfile: ChangeProfileUseCase;
  changePassword: ChangePasswordUseCase;
  deleteUser: DeleteUserUseCase;
  grantRole: GrantRoleUseCase;
  revokeRole: RevokeRoleUseCase;
  logIn: LogInUseCase;
  logOut: LogOutUseCase;
}

export function createUseCases(deps: UseCaseDependencies): UseCases {
  const { users, roles, orders, accounts } = deps.repositories;
  const { unitOfWork, sessions, hasher, clock } = deps;
  return {
    placeOrder: new PlaceOrderUseCase(orders, deps.maxPendingOrdersPerCustomer),
    changeOrderStatus: new ChangeOrderStatusUseCase(orders),
    openAccount: new OpenAccountUseCase(accounts),
    transferFunds: new TransferFundsUseCase(accounts),
    registerUser: new RegisterUserUseCase(unitOfWork, hasher, deps.signUpLimiter, clock),
    changeProfile: new ChangeProfileUseCase(unitOfWork, sessions, hasher, deps.loginLimiter, clock),
    changePassword: new ChangePasswordUseCase(unitOfWork, sessions, hasher, deps.loginLimiter, clock),
    deleteUser: new DeleteUserUseCase(users, sessions, clock),
    grantRole: new GrantRoleUseCase(roles),
    revokeRole: new RevokeRoleUseCase(users, roles),
    logIn: new LogInUseCase(users, sessions, hasher, deps.loginLimiter, clock, deps.sessionTtlMs),
    logOut: new LogOutUseCase(sessions, clock),
  };
}
