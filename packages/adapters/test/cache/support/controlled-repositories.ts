import type {
  CursorPage,
  CursorPageRequest,
  Email,
  PageRequest,
  Product,
  ProductId,
  ProductRepository,
  ProductSearchHit,
  User,
  UserId,
  UserRepository,
  UserSearchCriteria,
} from '@stratum/domain';
import type { ReadControl } from './read-control';

/** A UserRepository whose cacheable reads the test counts and can hold (see ReadControl). */
export class ControlledUserRepository implements UserRepository {
  constructor(
    private readonly inner: UserRepository,
    private readonly control: ReadControl,
  ) {}

  findById(id: UserId): Promise<User | null> {
    return this.control.around('users.findById', () => this.inner.findById(id));
  }
  findByEmail(email: Email): Promise<User | null> {
    return this.control.around('users.findByEmail', () => this.inner.findByEmail(email));
  }
  save(user: User): Promise<void> {
    return this.inner.save(user);
  }
  softDelete(id: UserId): Promise<void> {
    return this.inner.softDelete(id);
  }
  findActivePage(page: PageRequest): Promise<User[]> {
    return this.control.around('users.findActivePage', () => this.inner.findActivePage(page));
  }
  findActiveAfter(page: CursorPageRequest): Promise<CursorPage<User>> {
    return this.inner.findActiveAfter(page);
  }
  search(criteria: UserSearchCriteria, page: PageRequest): Promise<User[]> {
    return this.inner.search(criteria, page);
  }
  findByRole(roleName: string, page: PageRequest): Promise<User[]> {
    return this.inner.findByRole(roleName, page);
  }
}

/** A ProductRepository whose cacheable reads the test counts and can hold (see ReadControl). */
export class ControlledProductRepository implements ProductRepository {
  constructor(
    private readonly inner: ProductRepository,
    private readonly control: ReadControl,
  ) {}

  findById(id: ProductId): Promise<Product | null> {
    return this.control.around('products.findById', () => this.inner.findById(id));
  }
  search(query: string, page: PageRequest): Promise<ProductSearchHit[]> {
    return this.control.around('products.search', () => this.inner.search(query, page));
  }
  save(product: Product): Promise<void> {
    return this.inner.save(product);
  }
  softDelete(id: ProductId): Promise<void> {
    return this.inner.softDelete(id);
  }
  adjustStock(id: ProductId, delta: number): Promise<number> {
    return this.inner.adjustStock(id, delta);
  }
}
